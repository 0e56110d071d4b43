package io.waybill.command.workorder;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.waybill.api.workorder.WorkOrderAnswer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to {@code POST /api/production-runs}: the run as asked for, what each line needs of each material,
 * and per material what the run needs, what is on hand, allocated (to other orders), available (on hand less
 * allocated), on order from open purchase orders, and short now and after what is on order comes in; at the run's
 * work site, or across all locations when it names none. {@code workOrders}: the work orders it created, one per
 * line, when asked to.
 */
record ProductionRunPlan(Run productionRun, List<Line> lines, List<Material> materials,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<WorkOrderAnswer> workOrders) {

    record Run(String name, String referenceNumber, LocalDate productionDate, String notes,
               String workSiteLocationId) {
    }

    record Line(String skuId, BigDecimal quantity, List<Need> materials) {
    }

    record Need(String materialId, BigDecimal needed) {
    }

    record Material(String materialId, BigDecimal needed, BigDecimal onHand, BigDecimal allocated,
                    BigDecimal available, BigDecimal onOrder, BigDecimal shortNow, BigDecimal shortAfterOnOrder) {
    }
}
