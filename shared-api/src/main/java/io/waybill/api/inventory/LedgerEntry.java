package io.waybill.api.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One entry of an item's ledger as it was decided. {@code quantity} is signed as the entry moved stock at
 * {@code locationId} (a transfer's outgoing leg and a disposal are negative); {@code changes} are its exact effect
 * on the balances, which is what reversals undo and what balances are summed from.
 */
public record LedgerEntry(String id, String code, EntryType type, String locationId, String toLocationId,
                          BigDecimal quantity, BigDecimal unitCost, String ref, String notes, LocalDate eventDate,
                          String sourceType, String sourceId, String reversesEntryId,
                          List<BalanceChange> changes) {
}
