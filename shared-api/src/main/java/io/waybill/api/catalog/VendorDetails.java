package io.waybill.api.catalog;

import java.util.Map;

public record VendorDetails(String name, String address, String city, String state, String country,
                            String zipCode, String term, String qboId, String notes, Boolean isActive)
        implements CatalogDetails {

    @Override
    public Map<String, Object> shown() {
        return Shown.of("name", name, "address", address, "city", city, "state", state, "country", country,
                "zipCode", zipCode, "term", term, "qboId", qboId, "notes", notes, "isActive", isActive);
    }
}
