package io.waybill.api.workorder;

/** A line was removed. */
public record WorkOrderItemRemoved(String workOrderId, String lineId) implements WorkOrderEvent {
}
