package io.waybill.platform.request;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is wrong with a request, per field, the first problem of each field kept: a request is refused with all of
 * them at once ({@code details.fields}), or read whole.
 */
public final class Problems {

    private final Map<String, String> fields = new LinkedHashMap<>();

    public void reject(String field, String message) {
        fields.putIfAbsent(field, message);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The first problem, and whether there are more: {@code "quantity: is required (and more, see details)"}. */
    public String summary() {
        String first = fields.keySet().iterator().next();
        return first + ": " + fields.get(first) + (fields.size() > 1 ? " (and more, see details)" : "");
    }

    /** Refuses the request if any field was wrong. */
    public void throwIfAny() {
        if (!fields.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, summary(), Map.of("fields", Map.copyOf(fields)));
        }
    }
}
