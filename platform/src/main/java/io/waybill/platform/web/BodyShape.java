package io.waybill.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request record a body read in parts has the shape of ({@code @BodyShape(BomRequest.class) @RequestBody
 * JsonNode json}), for the OpenAPI document ({@link ApiDocument}). A body that is one record declares the record
 * itself instead; a body read in parts stays a {@code JsonNode} so that the faults of all its parts are told at
 * once.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface BodyShape {

    Class<? extends Record> value();
}
