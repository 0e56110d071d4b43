package io.waybill.api;

/** The stable error codes of the HTTP API, each with the status it answers and what it tells the caller. */
public enum ErrorCode {
    VALIDATION_FAILED("validation_failed", 400, "the request is not valid; details.fields names each field at "
            + "fault, or details names the parameter or header"),
    UNAUTHORIZED("unauthorized", 401, "no valid token or ticket, or one that was revoked or has expired"),
    FORBIDDEN("forbidden", 403, "the token's role does not allow this, or the token is not of the organisation in "
            + "X-Org-Id"),
    NOT_FOUND("not_found", 404, "the resource named (details.id) is not in this organisation"),
    METHOD_NOT_ALLOWED("method_not_allowed", 405, "the path does not serve this method; details.allowed lists "
            + "those it does"),
    CONFLICT("conflict", 409, "the current state disagrees: a name or id already taken, an If-Match version that "
            + "is no longer current, or a concurrent change that won"),
    INVALID_TRANSITION("invalid_transition", 409, "the resource's status does not allow this step"),
    INSUFFICIENT_STOCK("insufficient_stock", 409, "the movement would take more than the location holds"),
    IN_USE("in_use", 409, "the record is still referenced by others and cannot be removed"),
    PAYLOAD_TOO_LARGE("payload_too_large", 413, "the body is larger than the service accepts"),
    URI_TOO_LONG("uri_too_long", 414, "the request line is too long"),
    HEADERS_TOO_LARGE("headers_too_large", 431, "the headers are too large"),
    RATE_LIMITED("rate_limited", 429, "too many requests from this token; Retry-After says when to send again"),
    UNAVAILABLE("unavailable", 503, "the database or a command route is out for a while: nothing was changed; "
            + "send it again after Retry-After (a create with the same id is not made twice)"),
    INTERNAL_ERROR("internal_error", 500, "an unexpected failure; quote details.correlationId");

    private final String code;
    private final int httpStatus;
    private final String meaning;

    ErrorCode(String code, int httpStatus, String meaning) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** What the code tells the caller, as the API document explains it. */
    public String meaning() {
        return meaning;
    }

    public static ErrorCode fromCode(String code) {
        for (ErrorCode value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        return INTERNAL_ERROR;
    }
}
