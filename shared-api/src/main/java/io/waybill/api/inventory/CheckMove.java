package io.waybill.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Asks the ledger whether these entries, posted by {@code sourceType}, could be dated {@code eventDate} instead of
 * their own date, and changes nothing: moving an entry that adds stock later, or one that takes stock earlier, must
 * leave on hand >= 0 on every date in between; refused as their reversal would be (an entry already reversed, or
 * posted by another source).
 */
public record CheckMove(@TargetAggregateIdentifier String ledgerId, String orgId, List<String> entryIds,
                        LocalDate eventDate, String sourceType) {

    public CheckMove {
        entryIds = List.copyOf(entryIds);
    }
}
