package io.waybill.api.inventory;

/** An earlier entry was undone exactly (for a completed transfer, both of its legs). */
public record LedgerEntryReversed(String ledgerId, String orgId, ItemKind itemKind, String itemId,
                                  LedgerEntry entry) implements InventoryLedgerEvent {
}
