package io.waybill.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Undoes entry {@code reversedEntryId} exactly, recorded as entry {@code entryId}. {@code sourceType} and
 * {@code sourceId} name the record that reverses it (a purchase order deleting a receipt), null when it is done by
 * hand; an entry a record posted is reversed only by that kind of record.
 */
public record ReverseLedgerEntry(@TargetAggregateIdentifier String ledgerId, String orgId, String reversedEntryId,
                                 String entryId, LocalDate eventDate, String notes, String sourceType,
                                 String sourceId) {

    /** A reversal by hand. */
    public ReverseLedgerEntry(String ledgerId, String orgId, String reversedEntryId, String entryId,
                              LocalDate eventDate, String notes) {
        this(ledgerId, orgId, reversedEntryId, entryId, eventDate, notes, null, null);
    }
}
