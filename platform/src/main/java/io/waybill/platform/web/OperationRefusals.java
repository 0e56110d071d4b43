package io.waybill.platform.web;

import io.waybill.api.ErrorCode;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
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

    private static Set<ErrorCode> declared(AnnotatedElement element) {
        Refusals refusals = AnnotatedElementUtils.findMergedAnnotation(element, Refusals.class);
        return refusals == null ? Set.of() : Set.of(refusals.value());
    }
}
