package io.waybill.api.catalog;

import java.time.Instant;

public record VendorDetails(String name, String address, String city, String state, String country,
                            String zipCode, String term, String qboId, String notes, Boolean isActive)
        implements CatalogDetails {

    @Override
    public CatalogAnswer answer(String id, String orgId, Instant createdAt, Instant updatedAt) {
        return new CatalogAnswer.VendorAnswer(id, orgId, name, address, city, state, country, zipCode, term, qboId,
                notes, isActive, createdAt, updatedAt);
    }
}
