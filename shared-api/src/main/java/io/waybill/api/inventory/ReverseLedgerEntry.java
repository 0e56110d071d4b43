package io.waybill.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Undoes entry {@code reversedEntryId} exactly, recorded as entry {@code entryId}. */
public record ReverseLedgerEntry(@TargetAggregateIdentifier String ledgerId, String orgId, String reversedEntryId,
                                 String entryId, LocalDate eventDate, String notes) {
}
