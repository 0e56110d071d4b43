package io.waybill.api.workorder;

import java.time.LocalDate;

/** The fields of a work order its planner sets and changes. */
public record WorkOrderDetails(String workSiteLocationId, LocalDate orderDate, LocalDate expectedDeliveryDate,
                               String notes) {
}
