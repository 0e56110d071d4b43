package io.waybill.api.catalog;

import java.util.Map;

/** A material; the API shows its code as {@code materialCode} and its type as {@code materialTypeId}. */
public record MaterialDetails(String code, String name, String typeId, String notes, Boolean isActive)
        implements CodedDetails {

    @Override
    public Map<String, Object> shown() {
        return Shown.of("materialCode", code, "name", name, "materialTypeId", typeId, "notes", notes,
                "isActive", isActive);
    }
}
