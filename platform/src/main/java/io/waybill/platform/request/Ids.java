package io.waybill.platform.request;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list of at most {@code max} values: each an id of 1 to 64 characters without control characters, or, with
 * {@link Sid}, {@link Name} or {@link Text} on the same field, each read as that annotation reads one text.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Ids {

    int max();
}
