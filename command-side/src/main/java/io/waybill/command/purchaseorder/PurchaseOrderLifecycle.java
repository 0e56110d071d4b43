package io.waybill.command.purchaseorder;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.purchaseorder.PurchaseOrderControl;
import io.waybill.api.purchaseorder.PurchaseOrderControlEvent;
import io.waybill.api.purchaseorder.PurchaseOrderControls;
import io.waybill.api.purchaseorder.PurchaseOrderReopened;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.PurchaseOrderStatusEvent;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a purchase order stands, when it took each step, the controls in effect (approved, sent, locked, archived,
 * voided, closed), and what all that allows.
 */
final class PurchaseOrderLifecycle {

    private PurchaseOrderStatus status;
    private final Map<PurchaseOrderStatus, Instant> stamps = new EnumMap<>(PurchaseOrderStatus.class);
    private PurchaseOrderControls controls = PurchaseOrderControls.NONE;

    PurchaseOrderStatus status() {
        return status;
    }

    Map<PurchaseOrderStatus, Instant> stamps() {
        return Map.copyOf(stamps);
    }

    PurchaseOrderControls controls() {
        return controls;
    }

    void stepped(PurchaseOrderStatus next, Instant at) {
        status = next;
        stamps.put(next, at);
        if (next == PurchaseOrderStatus.PARTIAL) {
            stamps.remove(PurchaseOrderStatus.RECEIVED);
        }
    }

    /** A step of the order's status, or a step back ({@link #reopened}). */
    void on(PurchaseOrderStatusEvent event) {
        if (event instanceof PurchaseOrderReopened) {
            reopened(event.status());
        } else {
            stepped(event.status(), event.at());
        }
    }

    /** Back to Placed or In Transit: the receipts that moved the order on were deleted. */
    private void reopened(PurchaseOrderStatus back) {
        status = back;
        stamps.remove(PurchaseOrderStatus.PARTIAL);
        stamps.remove(PurchaseOrderStatus.RECEIVED);
    }

    /** The status the order had before its first receipt: In Transit if it took that step, else Placed. */
    PurchaseOrderStatus beforeReceipts() {
        return stamps.containsKey(PurchaseOrderStatus.IN_TRANSIT) ? PurchaseOrderStatus.IN_TRANSIT
                : PurchaseOrderStatus.PLACED;
    }

    void controlled(PurchaseOrderControlEvent event) {
        controls = controls.after(event);
    }

    boolean planning() {
        return status == PurchaseOrderStatus.PLANNING;
    }

    /**
     * Whether the order's lines are on order in the ledger: placed, not yet received or cancelled, and neither
     * closed nor voided.
     */
    boolean onOrder() {
        return (status == PurchaseOrderStatus.PLACED || status == PurchaseOrderStatus.IN_TRANSIT
                || status == PurchaseOrderStatus.PARTIAL) && controls.closed() == null && controls.voided() == null;
    }

    /** The statuses a request may move the order to: none once voided, only Paid once closed. */
    List<PurchaseOrderStatus> next() {
        if (controls.voided() != null) {
            return List.of();
        }
        return controls.closed() != null ? List.of(PurchaseOrderStatus.PAID) : status.next();
    }

    /** Refuses {@code what} while the order is locked or once it is voided. */
    void requireChangeable(String what) {
        requireUnlocked(what);
        if (controls.voided() != null) {
            throw PurchaseOrderSteps.refused("a voided purchase order cannot " + what);
        }
    }

    /** Refuses to delete the order unless it is changeable and in Planning. */
    void requireDeletable() {
        requireChangeable("be deleted");
        if (!planning()) {
            throw PurchaseOrderSteps.refused("only a purchase order in Planning can be deleted; cancel it instead");
        }
    }

    /** Refuses a receipt unless the order is changeable and on order. */
    void requireReceiving() {
        requireChangeable("take receipts");
        if (!onOrder()) {
            throw PurchaseOrderSteps.refused("a purchase order takes receipts once placed, until it is received "
                    + "in full, closed, voided or cancelled");
        }
    }

    /** Refuses to delete a receipt unless the order is changeable, partly or fully received, and not closed. */
    void requireReceiptsChangeable() {
        requireChangeable("change its receipts");
        if (status != PurchaseOrderStatus.PARTIAL && status != PurchaseOrderStatus.RECEIVED
                || controls.closed() != null) {
            throw PurchaseOrderSteps.refused("the receipts of a purchase order that is " + status.label()
                    + (controls.closed() != null ? " and closed" : "") + " stand");
        }
    }

    /** Refuses {@code what} unless the order is changeable and not yet received, paid, cancelled or closed. */
    void requireOpen(String what) {
        requireChangeable(what);
        if (status == PurchaseOrderStatus.CANCELLED || status == PurchaseOrderStatus.PAID
                || status == PurchaseOrderStatus.RECEIVED) {
            throw PurchaseOrderSteps.refused("a purchase order that is " + status.label() + " cannot " + what);
        }
        if (controls.closed() != null) {
            throw PurchaseOrderSteps.refused("a closed purchase order cannot " + what);
        }
    }

    /**
     * Refuses a control the order cannot take now: a locked order takes only unlock, a voided one only archive and
     * unarchive; approval is for an order in Planning, sending for a placed one, closing for one still on order,
     * and an order received or paid cannot be voided.
     */
    void check(PurchaseOrderControl control) {
        if (control == PurchaseOrderControl.ARCHIVE || control == PurchaseOrderControl.UNARCHIVE) {
            requireUnlocked(control.action());
        } else if (control != PurchaseOrderControl.UNLOCK) {
            requireChangeable(control.action());
        }
        boolean allowed = switch (control) {
            case APPROVE -> planning();
            case SEND -> !planning() && status != PurchaseOrderStatus.CANCELLED;
            case CLOSE -> onOrder();
            case VOID -> status != PurchaseOrderStatus.RECEIVED && status != PurchaseOrderStatus.PAID;
            case LOCK, UNLOCK, ARCHIVE, UNARCHIVE -> true;
        };
        if (!allowed) {
            throw new DomainException(ErrorCode.INVALID_TRANSITION, "a purchase order that is " + status.label()
                    + (controls.closed() != null ? " and closed" : "") + " cannot be asked to " + control.action(),
                    Map.of("status", status.label(), "control", control.action()));
        }
    }

    private void requireUnlocked(String what) {
        if (controls.locked() != null) {
            throw PurchaseOrderSteps.refused("the purchase order is locked (by " + controls.locked().by() + " at "
                    + controls.locked().at() + "); it cannot " + what + " until it is unlocked");
        }
    }
}
