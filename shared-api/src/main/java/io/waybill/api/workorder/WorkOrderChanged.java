package io.waybill.api.workorder;

/** The work order's fields changed; {@code details} are all of them as they now are. */
public record WorkOrderChanged(String workOrderId, WorkOrderDetails details) implements WorkOrderEvent {
}
