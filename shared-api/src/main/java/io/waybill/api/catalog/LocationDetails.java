package io.waybill.api.catalog;

import java.util.Map;

public record LocationDetails(String name, String address, String city, String state, String country,
                              String zipCode, String notes, Integer sortOrder, Boolean isActive)
        implements CatalogDetails {

    @Override
    public Map<String, Object> shown() {
        return Shown.of("name", name, "sortOrder", sortOrder, "address", address, "city", city, "state", state,
                "country", country, "zipCode", zipCode, "notes", notes, "isActive", isActive);
    }
}
