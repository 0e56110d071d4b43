package io.waybill.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reads the item's balances at every location from its ledger as it is now, changing nothing. */
public record ReadItemStock(@TargetAggregateIdentifier String ledgerId, String orgId) {
}
