package io.waybill.api.purchaseorder;

import java.time.Instant;

/** The order was sent to its vendor. */
public record PurchaseOrderSent(String purchaseOrderId, String by, Instant at)
        implements PurchaseOrderControlEvent {

    @Override
    public PurchaseOrderControl control() {
        return PurchaseOrderControl.SEND;
    }
}
