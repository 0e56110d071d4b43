package io.waybill.api.purchaseorder;

import java.time.Instant;

/** The order was unlocked. */
public record PurchaseOrderUnlocked(String purchaseOrderId, String by, Instant at)
        implements PurchaseOrderControlEvent {

    @Override
    public PurchaseOrderControl control() {
        return PurchaseOrderControl.UNLOCK;
    }
}
