package io.waybill.api.purchaseorder;

import io.waybill.api.inventory.EntryType;

import java.math.BigDecimal;

/**
 * One ledger entry a purchase order owes the inventory ledger: its id (derived from the order, so that posting it
 * again records nothing), its type ({@code ORDER}, {@code RELEASE_ORDER}, {@code RECEIVE}), the line and item it is
 * for, where, and how much.
 */
public record StockPosting(String entryId, EntryType type, String lineId, String itemId, String locationId,
                           BigDecimal quantity, BigDecimal unitCost) {
}
