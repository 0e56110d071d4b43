package io.waybill.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteBom(@TargetAggregateIdentifier String skuId, String orgId) {
}
