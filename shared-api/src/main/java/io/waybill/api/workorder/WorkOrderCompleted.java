package io.waybill.api.workorder;

import java.time.Instant;

/** The work order was completed: what it still held of demand and allocation is released. */
public record WorkOrderCompleted(String workOrderId, Instant at) implements WorkOrderStatusEvent {

    @Override
    public WorkOrderStatus status() {
        return WorkOrderStatus.COMPLETED;
    }
}
