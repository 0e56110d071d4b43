package io.waybill.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Records a movement of the item: any type but the reversals. {@code quantity} is > 0, except for ADJUST where it
 * is the signed, non-zero correction of on hand. TRANSFER needs {@code toLocationId}; its {@code ref} is given
 * out when absent. An entry whose id the ledger already holds is answered as it was recorded, not recorded again.
 */
public record RecordLedgerEntry(@TargetAggregateIdentifier String ledgerId, String orgId, ItemKind itemKind,
                                String itemId, String entryId, EntryType type, String locationId,
                                String toLocationId, BigDecimal quantity, BigDecimal unitCost, String ref,
                                String notes, LocalDate eventDate, String sourceType, String sourceId) {
}
