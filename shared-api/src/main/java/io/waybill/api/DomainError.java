package io.waybill.api;

import java.util.Map;

/**
 * A business rule violation as it travels back to the caller: the details of a command's failure, so that the
 * HTTP layer maps it by its code and never by its message, whether the command ran locally or remotely.
 */
public record DomainError(String code, String message, Map<String, Object> details) {

    public DomainError {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
