package io.waybill.api.purchaseorder;

import java.time.Instant;

/**
 * The controls in effect on a purchase order, each as when and by whom it was applied; null where it is not (an
 * unlocked or unarchived order has no lock or archive).
 */
public record PurchaseOrderControls(Stamp approved, Stamp sent, Stamp locked, Stamp archived, Stamp voided,
                                    Stamp closed) {

    /** When a control was applied, and by which user. */
    public record Stamp(Instant at, String by) {
    }

    public static final PurchaseOrderControls NONE = new PurchaseOrderControls(null, null, null, null, null, null);

    /** These controls after {@code event}. */
    public PurchaseOrderControls after(PurchaseOrderControlEvent event) {
        Stamp stamp = new Stamp(event.at(), event.by());
        return switch (event.control()) {
            case APPROVE -> new PurchaseOrderControls(stamp, sent, locked, archived, voided, closed);
            case SEND -> new PurchaseOrderControls(approved, stamp, locked, archived, voided, closed);
            case LOCK -> new PurchaseOrderControls(approved, sent, stamp, archived, voided, closed);
            case UNLOCK -> new PurchaseOrderControls(approved, sent, null, archived, voided, closed);
            case ARCHIVE -> new PurchaseOrderControls(approved, sent, locked, stamp, voided, closed);
            case UNARCHIVE -> new PurchaseOrderControls(approved, sent, locked, null, voided, closed);
            case VOID -> new PurchaseOrderControls(approved, sent, locked, archived, stamp, closed);
            case CLOSE -> new PurchaseOrderControls(approved, sent, locked, archived, voided, stamp);
        };
    }

    /** Whether {@code control} is in effect already: asking for it again changes nothing. */
    public boolean inEffect(PurchaseOrderControl control) {
        return switch (control) {
            case APPROVE -> approved != null;
            case SEND -> sent != null;
            case LOCK -> locked != null;
            case UNLOCK -> locked == null;
            case ARCHIVE -> archived != null;
            case UNARCHIVE -> archived == null;
            case VOID -> voided != null;
            case CLOSE -> closed != null;
        };
    }
}
