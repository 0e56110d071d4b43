package io.waybill.api.inventory;

/** Stock left its location for another: on hand at the source went into transit to the destination. */
public record StockTransferred(String ledgerId, String orgId, ItemKind itemKind, String itemId,
                               LedgerEntry entry) implements InventoryLedgerEvent {
}
