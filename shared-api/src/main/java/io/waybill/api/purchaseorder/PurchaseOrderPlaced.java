package io.waybill.api.purchaseorder;

import java.time.Instant;

/** The purchase order was placed with the vendor. */
public record PurchaseOrderPlaced(String purchaseOrderId, Instant at) implements PurchaseOrderStatusEvent {

    @Override
    public PurchaseOrderStatus status() {
        return PurchaseOrderStatus.PLACED;
    }
}
