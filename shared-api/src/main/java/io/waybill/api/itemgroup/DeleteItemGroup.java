package io.waybill.api.itemgroup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;


public record DeleteItemGroup(@TargetAggregateIdentifier String itemGroupSid, String orgId) {
}
