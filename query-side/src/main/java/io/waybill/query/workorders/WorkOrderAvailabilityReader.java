package io.waybill.query.workorders;

import io.waybill.api.catalog.BomLine;
import io.waybill.api.workorder.WorkOrderAvailability;
import io.waybill.api.workorder.WorkOrderAvailability.LineAvailability;
import io.waybill.api.workorder.WorkOrderAvailability.MaterialAvailability;
import io.waybill.api.workorder.WorkOrderInputView;
import io.waybill.api.workorder.WorkOrderItemView;
import io.waybill.api.workorder.WorkOrderView;
import io.waybill.query.support.Rows;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out clear-to-build for a work order from its lines, what the ledger holds for it, and the free stock at its
 * work site (see {@link WorkOrderAvailability}).
 */
@Component
class WorkOrderAvailabilityReader {

    private final WorkOrderRepository orders;
    private final DatabaseClient client;

    WorkOrderAvailabilityReader(WorkOrderRepository orders, DatabaseClient client) {
        this.orders = orders;
        this.client = client;
    }

    Mono<WorkOrderAvailability> read(String orgId, WorkOrderView order) {
        return Mono.zip(orders.lines(orgId, order.id()), orders.inputs(orgId, order.id()),
                        free(orgId, order.workSiteLocationId()))
                .map(all -> availability(order, all.getT1(), all.getT2(), all.getT3()));
    }

    private static WorkOrderAvailability availability(WorkOrderView order, List<WorkOrderItemView> lines,
                                                      List<WorkOrderInputView> inputs, Map<String, BigDecimal> free) {
        boolean open = order.status().open();
        Map<String, BigDecimal> needed = new LinkedHashMap<>();
        Map<String, BigDecimal> remaining = new HashMap<>();
        for (WorkOrderItemView line : lines) {
            BigDecimal rest = open ? line.quantity().subtract(line.quantityReceived()).max(BigDecimal.ZERO)
                    : BigDecimal.ZERO;
            remaining.put(line.id(), rest);
            for (BomLine material : line.bom()) {
                needed.merge(material.materialId(), rest.multiply(material.quantityPerUnit()), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> usable = new HashMap<>();
        List<MaterialAvailability> materials = new ArrayList<>();
        boolean clear = open;
        for (WorkOrderInputView input : inputs) {
            String material = input.materialId();
            BigDecimal held = input.quantityAllocated();
            BigDecimal available = free.getOrDefault(material, BigDecimal.ZERO).max(BigDecimal.ZERO);
            BigDecimal need = needed.getOrDefault(material, BigDecimal.ZERO);
            BigDecimal shortage = need.subtract(held).subtract(available).max(BigDecimal.ZERO);
            clear &= shortage.signum() == 0;
            usable.put(material, held.add(available));
            materials.add(new MaterialAvailability(material, plain(need), held, plain(available), plain(shortage)));
        }
        List<LineAvailability> lineAvailability = new ArrayList<>();
        for (WorkOrderItemView line : lines) {
            BigDecimal canBuild = remaining.get(line.id());
            String limitedBy = null;
            for (BomLine material : line.bom()) {
                BigDecimal units = usable.getOrDefault(material.materialId(), BigDecimal.ZERO)
                        .divide(material.quantityPerUnit(), 0, RoundingMode.DOWN);
                if (units.compareTo(canBuild) < 0) {
                    canBuild = units;
                    limitedBy = material.materialId();
                }
            }
            lineAvailability.add(new LineAvailability(line.id(), line.skuId(), plain(remaining.get(line.id())),
                    plain(canBuild), limitedBy));
        }
        return new WorkOrderAvailability(order.id(), order.workSiteLocationId(), clear, materials, lineAvailability);
    }

    /** Free stock (on hand less allocated) of each material at the location. */
    private Mono<Map<String, BigDecimal>> free(String orgId, String locationId) {
        return client.sql("SELECT item_id, on_hand - allocated AS free FROM inventory_balance "
                        + "WHERE org_id = :org AND location_id = :location AND item_kind = 'MATERIAL'")
                .bind("org", orgId).bind("location", locationId)
                .map((row, meta) -> Map.entry(row.get("item_id", String.class), Rows.decimal(row, "free")))
                .all().collect(HashMap::new, (all, entry) -> all.put(entry.getKey(), entry.getValue()));
    }

    private static BigDecimal plain(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
