package io.waybill.api.workorder;

/** A line was added. */
public record WorkOrderItemAdded(String workOrderId, WorkOrderLine line) implements WorkOrderEvent {
}
