package io.waybill.platform.request;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A client-chosen id: 1 to 64 letters, digits, {@code _} or {@code -}, starting with a letter or digit. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Sid {

    /** What a client-chosen id looks like. */
    String PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    /** Its most characters. */
    int MAX = 64;
}
