package io.waybill.platform.web;

import io.waybill.api.ErrorCode;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The refusals an endpoint may answer beyond those its shape already implies ({@link OperationRefusals}): the
 * domain's own ({@code conflict}, {@code invalid_transition}, {@code insufficient_stock}, {@code in_use}), and
 * {@code not_found} where the body names another resource. On a handler method, or on its controller for all of
 * its methods; the OpenAPI document lists them per operation, and the tests refuse any answer it does not list.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Refusals {
    ErrorCode[] value();
}
