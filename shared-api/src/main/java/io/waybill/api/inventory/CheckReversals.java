package io.waybill.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Asks the ledger whether it could reverse these entries together on {@code eventDate}, as {@code sourceType}
 * would, and changes nothing: refused as the reversals would be (insufficient stock, an entry already reversed).
 */
public record CheckReversals(@TargetAggregateIdentifier String ledgerId, String orgId, List<String> entryIds,
                             LocalDate eventDate, String sourceType) {

    public CheckReversals {
        entryIds = List.copyOf(entryIds);
    }
}
