package io.waybill.platform.web;

import io.waybill.api.DomainError;
import org.springframework.web.method.HandlerMethod;

/**
 * Sees each refusal {@link ApiErrorHandler} answers for a mapped endpoint before it is sent, and may answer another
 * in its place. The tests hold every answer to the codes the OpenAPI document lists for its operation with one.
 */
@FunctionalInterface
public interface RefusalObserver {

    DomainError observe(HandlerMethod handler, String pattern, DomainError error);
}
