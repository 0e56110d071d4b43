package io.waybill.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * A partial update: the non-null fields of {@code patch} are set, the fields named in {@code cleared} lose their
 * value, the rest stay. The patch's kind must be the record's kind, else the record is not found.
 */
public record UpdateCatalogRecord(@TargetAggregateIdentifier String id, String orgId, CatalogDetails patch,
                                  Set<String> cleared) {

    public UpdateCatalogRecord {
        cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
    }
}
