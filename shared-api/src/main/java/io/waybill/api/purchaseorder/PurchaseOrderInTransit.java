package io.waybill.api.purchaseorder;

import java.time.Instant;

/** The purchase order was shipped by the vendor and on its way. */
public record PurchaseOrderInTransit(String purchaseOrderId, Instant at) implements PurchaseOrderStatusEvent {

    @Override
    public PurchaseOrderStatus status() {
        return PurchaseOrderStatus.IN_TRANSIT;
    }
}
