package io.waybill.api.workorder;

import java.time.Instant;

/** The work order was cancelled: what it still held of demand and allocation is released. */
public record WorkOrderCancelled(String workOrderId, Instant at) implements WorkOrderStatusEvent {

    @Override
    public WorkOrderStatus status() {
        return WorkOrderStatus.CANCELLED;
    }
}
