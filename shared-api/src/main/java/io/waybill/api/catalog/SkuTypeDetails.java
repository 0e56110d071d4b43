package io.waybill.api.catalog;

import java.util.Map;

public record SkuTypeDetails(String name, Integer sortOrder, Boolean isActive) implements CatalogDetails {

    @Override
    public Map<String, Object> shown() {
        return Shown.of("name", name, "sortOrder", sortOrder, "isActive", isActive);
    }
}
