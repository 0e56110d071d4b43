package io.waybill.command.purchaseorder;

import io.waybill.api.purchaseorder.PurchaseOrderStatus;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Where a purchase order stands, when it took each step, and what that allows. */
final class PurchaseOrderLifecycle {

    private PurchaseOrderStatus status;
    private final Map<PurchaseOrderStatus, Instant> stamps = new EnumMap<>(PurchaseOrderStatus.class);

    PurchaseOrderStatus status() {
        return status;
    }

    Map<PurchaseOrderStatus, Instant> stamps() {
        return Map.copyOf(stamps);
    }

    void stepped(PurchaseOrderStatus next, Instant at) {
        status = next;
        stamps.put(next, at);
    }

    boolean planning() {
        return status == PurchaseOrderStatus.PLANNING;
    }

    /** Whether the order's lines are on order in the ledger: placed and not yet received or cancelled. */
    boolean onOrder() {
        return status == PurchaseOrderStatus.PLACED || status == PurchaseOrderStatus.IN_TRANSIT
                || status == PurchaseOrderStatus.PARTIAL;
    }

    /** Refuses {@code what} once the order is received, paid or cancelled. */
    void requireOpen(String what) {
        if (status == PurchaseOrderStatus.CANCELLED || status == PurchaseOrderStatus.PAID
                || status == PurchaseOrderStatus.RECEIVED) {
            throw PurchaseOrderSteps.refused("a purchase order that is " + status.label() + " cannot " + what);
        }
    }
}
