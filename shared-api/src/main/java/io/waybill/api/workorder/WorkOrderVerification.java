package io.waybill.api.workorder;

import java.util.List;

/**
 * The work-order check: what each order decided it owes the inventory ledger (from its events) compared with what
 * the ledger holds of it, and what its standing receipts consumed and produced compared with the ledger's
 * consumption and production under the order. An entry the ledger does not show yet is pending (the posting process
 * or the ledger's read model is behind), not a difference; the sums are compared only for orders with none pending.
 * Healthy is no differences.
 */
public record WorkOrderVerification(int checkedOrders, int checkedEntries, List<Difference> differences,
                                    long pendingEntries) {

    /**
     * One disagreement: {@code what} is {@code entry} (the ledger holds the entry with other values),
     * {@code unexpected_entry} (an entry of the order that the order did not decide), {@code consumed} /
     * {@code produced} (the ledger's consumption of a material or production of a SKU under the order is not what
     * its standing receipts took in), or {@code held} (a completed or cancelled order still holds demand or
     * allocation of a material); {@code expected} is the order's side, {@code actual} the ledger's.
     */
    public record Difference(String workOrderId, String woNumber, String itemId, String entryId, String what,
                             String expected, String actual) {
    }
}
