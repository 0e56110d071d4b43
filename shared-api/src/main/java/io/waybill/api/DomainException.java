package io.waybill.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** A business rule violation, carrying the stable error code the caller will see. */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    public DomainException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public DomainException(ErrorCode code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = new LinkedHashMap<>(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public DomainError toError() {
        return new DomainError(code.code(), getMessage(), details);
    }

    public static DomainException notFound(String what, String id) {
        return new DomainException(ErrorCode.NOT_FOUND, what + " " + id + " not found", Map.of("id", id));
    }

    public static DomainException conflict(String message, Map<String, Object> details) {
        return new DomainException(ErrorCode.CONFLICT, message, details);
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, field + ": " + message, Map.of("field", field));
    }
}
