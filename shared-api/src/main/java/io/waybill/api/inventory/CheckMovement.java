package io.waybill.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Asks the ledger whether it could record this movement on {@code eventDate}, as {@code sourceType} /
 * {@code sourceId} would post it, and changes nothing: refused as the entry would be (insufficient stock).
 */
public record CheckMovement(@TargetAggregateIdentifier String ledgerId, String orgId, EntryType type,
                            String locationId, BigDecimal quantity, LocalDate eventDate, String sourceType,
                            String sourceId) {
}
