package io.waybill.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a line to an order, or answers the existing one when the same item sid comes again with the same details. */
public record AddItem(@TargetAggregateIdentifier String orderSid, String orgId, String itemSid, ItemDetails details) {
}
