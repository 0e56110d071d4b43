package io.waybill.api.workorder;

import java.time.Instant;

/** Receipts took in all that the work order makes. */
public record WorkOrderFullyReceived(String workOrderId, Instant at) implements WorkOrderStatusEvent {

    @Override
    public WorkOrderStatus status() {
        return WorkOrderStatus.RECEIVED;
    }
}
