package io.waybill.api.purchaseorder;

import io.waybill.api.access.Role;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The controls of a purchase order beside its lifecycle (seed 004), each asked for by its own request and recorded as
 * its own event with who did it and when: approve, mark sent, lock and unlock, archive and unarchive, void, close.
 * Approving, voiding and unlocking take an admin; the others a member.
 */
public enum PurchaseOrderControl {
    APPROVE(Role.ADMIN, "approved"),
    SEND(Role.MEMBER, "sent"),
    LOCK(Role.MEMBER, "locked"),
    UNLOCK(Role.ADMIN, "locked"),
    ARCHIVE(Role.MEMBER, "archived"),
    UNARCHIVE(Role.MEMBER, "archived"),
    VOID(Role.ADMIN, "voided"),
    CLOSE(Role.MEMBER, "closed");

    private final Role role;
    private final String state;

    PurchaseOrderControl(Role role, String state) {
        this.role = role;
        this.state = state;
    }

    /** The state it sets or lifts, as {@link PurchaseOrderControls} names it: {@code approved}, {@code locked}, ... */
    public String state() {
        return state;
    }

    /** Whether it lifts its state rather than sets it: unlock and unarchive. */
    public boolean lifts() {
        return this == UNLOCK || this == UNARCHIVE;
    }

    /** The last word of its request's path: {@code /api/purchase-orders/{id}/approve}. */
    public String action() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The least role that may ask for it. */
    public Role role() {
        return role;
    }

    public static Optional<PurchaseOrderControl> ofAction(String action) {
        return Arrays.stream(values()).filter(control -> control.action().equals(action)).findFirst();
    }
}
