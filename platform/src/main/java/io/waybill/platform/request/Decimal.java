package io.waybill.platform.request;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An exact decimal given as a JSON string ("12.5"), with the sign it must have. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Decimal {

    Sign value();

    enum Sign { POSITIVE, NOT_NEGATIVE, NOT_ZERO }
}
