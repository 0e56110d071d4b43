package io.waybill.api.workorder;

/** A work order that was never placed was deleted. */
public record WorkOrderDeleted(String workOrderId) implements WorkOrderEvent {
}
