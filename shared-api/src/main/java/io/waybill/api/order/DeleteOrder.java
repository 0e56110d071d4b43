package io.waybill.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;


public record DeleteOrder(@TargetAggregateIdentifier String orderSid, String orgId) {
}
