package io.waybill.api.purchaseorder;

import java.time.Instant;

/** The purchase order was received in full: every line has come. */
public record PurchaseOrderFullyReceived(String purchaseOrderId, Instant at) implements PurchaseOrderStatusEvent {

    @Override
    public PurchaseOrderStatus status() {
        return PurchaseOrderStatus.RECEIVED;
    }
}
