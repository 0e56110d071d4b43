package io.waybill.api.inventory;

/** A movement at one location: ORDER, RECEIVE, DEMAND, ALLOCATE, CONSUME, PRODUCE, ADJUST or DISPOSE. */
public record LedgerEntryRecorded(String ledgerId, String orgId, ItemKind itemKind, String itemId,
                                  LedgerEntry entry) implements InventoryLedgerEvent {
}
