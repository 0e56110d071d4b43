package io.waybill.platform.security;

import io.waybill.api.access.Role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role an endpoint needs. Every handler under {@code /api} declares one, on the method or its class
 * (the method wins); the service refuses to start when one does not, so no endpoint is open by omission.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Access {

    Role value();
}
