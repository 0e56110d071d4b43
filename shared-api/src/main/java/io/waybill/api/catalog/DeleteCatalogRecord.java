package io.waybill.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteCatalogRecord(@TargetAggregateIdentifier String id, String orgId, CatalogKind kind) {
}
