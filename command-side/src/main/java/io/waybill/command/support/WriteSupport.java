package io.waybill.command.support;

import io.waybill.api.DomainError;
import io.waybill.platform.web.JsonBody;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Small helpers the write controllers share. */
public final class WriteSupport {

    private WriteSupport() {
    }

    public static Set<String> with(Set<String> fields, String... more) {
        Set<String> all = new HashSet<>(fields);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }

    public static Map<String, String> deleted(String id) {
        return Map.of("deletedId", id);
    }

    /** The rows of a bulk request {@code {"rows": [...]}}, 1 to {@code max} of them. */
    public static JsonNode bulkRows(JsonNode json, int max) {
        JsonBody body = JsonBody.of(json, Set.of("rows"));
        JsonNode rows = json.get("rows");
        if (rows == null || !rows.isArray() || rows.isEmpty() || rows.size() > max) {
            body.reject("rows", "must be an array of 1 to " + max + " rows");
        }
        body.validate();
        return rows;
    }

    /** One row of a bulk answer: {@code {index, status, id?, error?}}. */
    public static Map<String, Object> bulkResult(int index, String status, String id, DomainError error) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("index", index);
        row.put("status", status);
        if (id != null) {
            row.put("id", id);
        }
        if (error != null) {
            row.put("error", Map.of("code", error.code(), "message", error.message(), "details", error.details()));
        }
        return row;
    }
}
