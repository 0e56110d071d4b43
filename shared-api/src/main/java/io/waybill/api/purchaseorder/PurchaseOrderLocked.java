package io.waybill.api.purchaseorder;

import java.time.Instant;

/** The order was locked: it refuses every change until unlocked. */
public record PurchaseOrderLocked(String purchaseOrderId, String by, Instant at)
        implements PurchaseOrderControlEvent {

    @Override
    public PurchaseOrderControl control() {
        return PurchaseOrderControl.LOCK;
    }
}
