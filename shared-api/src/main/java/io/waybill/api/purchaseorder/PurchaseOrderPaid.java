package io.waybill.api.purchaseorder;

import java.time.Instant;

/** The purchase order was paid to the vendor. */
public record PurchaseOrderPaid(String purchaseOrderId, Instant at) implements PurchaseOrderStatusEvent {

    @Override
    public PurchaseOrderStatus status() {
        return PurchaseOrderStatus.PAID;
    }
}
