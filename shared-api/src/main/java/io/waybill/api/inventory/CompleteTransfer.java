package io.waybill.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Completes the open transfer with this ref at its destination, recorded as entry {@code entryId}. */
public record CompleteTransfer(@TargetAggregateIdentifier String ledgerId, String orgId, String ref,
                               String entryId, LocalDate eventDate, String notes) {
}
