package io.waybill.api.inventory;

/** What happens to an item's ledger. Stored history: never rename or move one of these. */
public sealed interface InventoryLedgerEvent permits LedgerEntryRecorded, StockTransferred,
        TransferCompleted, LedgerEntryReversed {

    /** The ledger: one per organisation and item, see {@link LedgerId}. */
    String ledgerId();

    String orgId();

    ItemKind itemKind();

    String itemId();

    LedgerEntry entry();
}
