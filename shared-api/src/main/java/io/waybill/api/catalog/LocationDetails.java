package io.waybill.api.catalog;

import java.time.Instant;

public record LocationDetails(String name, String address, String city, String state, String country,
                              String zipCode, String notes, Integer sortOrder, Boolean isActive)
        implements CatalogDetails {

    @Override
    public CatalogAnswer answer(String id, String orgId, Instant createdAt, Instant updatedAt) {
        return new CatalogAnswer.LocationAnswer(id, orgId, name, sortOrder, address, city, state, country, zipCode,
                notes, isActive, createdAt, updatedAt);
    }
}
