package io.waybill.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateCatalogRecord(@TargetAggregateIdentifier String id, String orgId, CatalogDetails details) {
}
