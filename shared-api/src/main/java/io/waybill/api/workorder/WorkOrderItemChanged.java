package io.waybill.api.workorder;

/** A line changed; {@code line} is all of it as it now is. */
public record WorkOrderItemChanged(String workOrderId, WorkOrderLine line) implements WorkOrderEvent {
}
