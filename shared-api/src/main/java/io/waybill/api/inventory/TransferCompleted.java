package io.waybill.api.inventory;

/** A transfer arrived: its quantity moved from in transit to on hand at the destination. */
public record TransferCompleted(String ledgerId, String orgId, ItemKind itemKind, String itemId,
                                String transferEntryId, LedgerEntry entry) implements InventoryLedgerEvent {
}
