package io.waybill.api.purchaseorder;

import java.time.Instant;

/** A control applied to the order {@code at} that time {@code by} that user (from the token, never the body). */
public sealed interface PurchaseOrderControlEvent extends PurchaseOrderEvent permits PurchaseOrderApproved,
        PurchaseOrderSent, PurchaseOrderLocked, PurchaseOrderUnlocked, PurchaseOrderArchived, PurchaseOrderUnarchived,
        PurchaseOrderVoided, PurchaseOrderClosed {

    String by();

    Instant at();

    PurchaseOrderControl control();

    /** The event of {@code control} applied to the order. */
    static PurchaseOrderControlEvent of(PurchaseOrderControl control, String purchaseOrderId, String by, Instant at) {
        return switch (control) {
            case APPROVE -> new PurchaseOrderApproved(purchaseOrderId, by, at);
            case SEND -> new PurchaseOrderSent(purchaseOrderId, by, at);
            case LOCK -> new PurchaseOrderLocked(purchaseOrderId, by, at);
            case UNLOCK -> new PurchaseOrderUnlocked(purchaseOrderId, by, at);
            case ARCHIVE -> new PurchaseOrderArchived(purchaseOrderId, by, at);
            case UNARCHIVE -> new PurchaseOrderUnarchived(purchaseOrderId, by, at);
            case VOID -> new PurchaseOrderVoided(purchaseOrderId, by, at);
            case CLOSE -> new PurchaseOrderClosed(purchaseOrderId, by, at);
        };
    }
}
