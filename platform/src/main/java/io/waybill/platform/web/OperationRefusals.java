package io.waybill.platform.web;

import io.waybill.api.ErrorCode;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The error codes one operation may answer, as the OpenAPI document lists them: those of every call (the caller,
 * the request's size and form, the service's health), {@code not_found} where the path names a resource,
 * {@code payload_too_large} where a body is read, and what the handler declares ({@link Refusals}).
 */
public final class OperationRefusals {

    /** What any call may be answered, whatever it asks. */
    private static final Set<ErrorCode> EVERY_CALL = Collections.unmodifiableSet(EnumSet.of(
            ErrorCode.VALIDATION_FAILED, ErrorCode.UNAUTHORIZED, ErrorCode.FORBIDDEN, ErrorCode.URI_TOO_LONG,
            ErrorCode.RATE_LIMITED, ErrorCode.HEADERS_TOO_LARGE, ErrorCode.INTERNAL_ERROR, ErrorCode.UNAVAILABLE));
    private static final Map<ErrorCode, String> MEANINGS = meanings();

    private OperationRefusals() {
    }

    /** The codes the handler mapped at {@code pattern} may answer. */
    public static Set<ErrorCode> of(HandlerMethod handler, String pattern) {
        Set<ErrorCode> codes = EnumSet.copyOf(EVERY_CALL);
        if (pattern.contains("{")) {
            codes.add(ErrorCode.NOT_FOUND);
        }
        if (Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class))) {
            codes.add(ErrorCode.PAYLOAD_TOO_LARGE);
        }
        codes.addAll(declared(handler.getBeanType()));
        codes.addAll(declared(handler.getMethod()));
        return codes;
    }

    /** What a code tells the caller, as the document explains it. */
    public static String meaning(ErrorCode code) {
        return MEANINGS.get(code);
    }

    private static Set<ErrorCode> declared(AnnotatedElement element) {
        Refusals refusals = AnnotatedElementUtils.findMergedAnnotation(element, Refusals.class);
        return refusals == null ? Set.of() : Set.of(refusals.value());
    }

    private static Map<ErrorCode, String> meanings() {
        Map<ErrorCode, String> meanings = new EnumMap<>(ErrorCode.class);
        meanings.put(ErrorCode.VALIDATION_FAILED, "the request is not valid; details.fields names each field at "
                + "fault, or details names the parameter or header");
        meanings.put(ErrorCode.UNAUTHORIZED, "no valid token or ticket, or one that was revoked or has expired");
        meanings.put(ErrorCode.FORBIDDEN, "the token's role does not allow this, or the token is not of the "
                + "organisation in X-Org-Id");
        meanings.put(ErrorCode.NOT_FOUND, "the resource named (details.id) is not in this organisation");
        meanings.put(ErrorCode.METHOD_NOT_ALLOWED, "the path does not serve this method; details.allowed lists "
                + "those it does");
        meanings.put(ErrorCode.CONFLICT, "the current state disagrees: a name or id already taken, an If-Match "
                + "version that is no longer current, or a concurrent change that won");
        meanings.put(ErrorCode.INVALID_TRANSITION, "the resource's status does not allow this step");
        meanings.put(ErrorCode.INSUFFICIENT_STOCK, "the movement would take more than the location holds");
        meanings.put(ErrorCode.IN_USE, "the record is still referenced by others and cannot be removed");
        meanings.put(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than the service accepts");
        meanings.put(ErrorCode.URI_TOO_LONG, "the request line is too long");
        meanings.put(ErrorCode.HEADERS_TOO_LARGE, "the headers are too large");
        meanings.put(ErrorCode.RATE_LIMITED, "too many requests from this token; Retry-After says when to send "
                + "again");
        meanings.put(ErrorCode.UNAVAILABLE, "the database or a command route is out for a while: nothing was "
                + "changed; send it again after Retry-After (a create with the same id is not made twice)");
        meanings.put(ErrorCode.INTERNAL_ERROR, "an unexpected failure; quote details.correlationId");
        if (meanings.size() != ErrorCode.values().length) {
            throw new IllegalStateException("every error code needs its meaning in the API document");
        }
        return meanings;
    }
}
