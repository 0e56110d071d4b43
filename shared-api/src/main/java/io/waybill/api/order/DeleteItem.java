package io.waybill.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;


public record DeleteItem(@TargetAggregateIdentifier String orderSid, String orgId, String itemSid) {
}
