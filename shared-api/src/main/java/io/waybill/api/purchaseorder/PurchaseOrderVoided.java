package io.waybill.api.purchaseorder;

import java.time.Instant;

/** The order was voided: what it still had on order is released, and it takes no further change. */
public record PurchaseOrderVoided(String purchaseOrderId, String by, Instant at)
        implements PurchaseOrderControlEvent {

    @Override
    public PurchaseOrderControl control() {
        return PurchaseOrderControl.VOID;
    }
}
