package io.waybill.api.catalog;

import java.time.Instant;

public record MaterialTypeDetails(String name, Integer sortOrder, Boolean isActive) implements CatalogDetails {

    @Override
    public CatalogAnswer answer(String id, String orgId, Instant createdAt, Instant updatedAt) {
        return new CatalogAnswer.MaterialTypeAnswer(id, orgId, name, sortOrder, isActive, createdAt, updatedAt);
    }
}
