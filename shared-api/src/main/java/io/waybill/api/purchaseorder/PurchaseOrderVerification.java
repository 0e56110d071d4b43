package io.waybill.api.purchaseorder;

import java.util.List;

/**
 * The purchase-order check: what each order decided it owes the inventory ledger (from its events) compared with
 * what the ledger holds of it. An entry the ledger does not show yet is pending (the posting process or the ledger's
 * read model is behind), not a difference. Healthy is no differences.
 */
public record PurchaseOrderVerification(int checkedOrders, int checkedEntries, List<Difference> differences,
                                        long pendingEntries) {

    /**
     * One disagreement: {@code what} is {@code entry} (the ledger holds the entry with other values),
     * {@code unexpected_entry} (an entry of the order, or reversing one, that the order did not decide), or
     * {@code on_order} / {@code received} (the ledger moved the item's balance at the order's location otherwise than
     * the order counts); {@code expected} is the order's side, {@code actual} the ledger's.
     */
    public record Difference(String purchaseOrderId, String poNumber, String itemId, String entryId, String what,
                             String expected, String actual) {
    }
}
