package io.waybill.api.workorder;

import java.time.Instant;

/** Receipts took in some of what the work order makes (also after a receipt of a fully received order was deleted). */
public record WorkOrderPartlyReceived(String workOrderId, Instant at) implements WorkOrderStatusEvent {

    @Override
    public WorkOrderStatus status() {
        return WorkOrderStatus.PARTIAL;
    }
}
