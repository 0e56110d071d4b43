package io.waybill.api.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A catalog record as both sides answer it. */
public record CatalogRecordView(String id, String orgId, CatalogDetails details, Instant createdAt,
                                Instant updatedAt) {

    /** The flat JSON object of the API: {@code id, orgId}, the kind's fields, then the timestamps. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("orgId", orgId);
        json.putAll(details.shown());
        json.put("createdAt", createdAt == null ? null : createdAt.toString());
        json.put("updatedAt", updatedAt == null ? null : updatedAt.toString());
        return json;
    }
}
