package io.waybill.api.catalog;

import io.waybill.api.CreationCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateCatalogRecord(@TargetAggregateIdentifier String id, String orgId, CatalogDetails details)
        implements CreationCommand {
}
