package io.waybill.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;


public record UpdateItem(@TargetAggregateIdentifier String orderSid, String orgId, String itemSid, ItemPatch patch) {
}
