package io.waybill.api.purchaseorder;

import java.time.Instant;

/** The purchase order was cancelled before it was received. */
public record PurchaseOrderCancelled(String purchaseOrderId, Instant at) implements PurchaseOrderStatusEvent {

    @Override
    public PurchaseOrderStatus status() {
        return PurchaseOrderStatus.CANCELLED;
    }
}
