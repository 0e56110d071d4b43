package io.waybill.command.support;

import io.waybill.api.DomainError;
import io.waybill.platform.request.JsonRequests;
import io.waybill.platform.request.Problems;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers the write controllers share. */
public final class WriteSupport {

    private WriteSupport() {
    }

    public static Map<String, String> deleted(String id) {
        return Map.of("deletedId", id);
    }

    /** A bulk request: {@code {"rows": [...]}}, each row read as its endpoint reads one. */
    public record BulkRequest(JsonNode rows) {
    }

    /** The rows of a bulk request, 1 to {@code max} of them. */
    public static JsonNode bulkRows(JsonRequests requests, JsonNode json, int max) {
        Problems problems = new Problems();
        JsonNode rows = requests.read(json, BulkRequest.class, problems).rows();
        if (rows == null || !rows.isArray() || rows.isEmpty() || rows.size() > max) {
            problems.reject("rows", "must be an array of 1 to " + max + " rows");
        }
        problems.throwIfAny();
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
