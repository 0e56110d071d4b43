package io.waybill.api.catalog;

import java.time.Instant;

public record SkuTypeDetails(String name, Integer sortOrder, Boolean isActive) implements CatalogDetails {

    @Override
    public CatalogAnswer answer(String id, String orgId, Instant createdAt, Instant updatedAt) {
        return new CatalogAnswer.SkuTypeAnswer(id, orgId, name, sortOrder, isActive, createdAt, updatedAt);
    }
}
