package io.waybill.platform.request;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text of at most {@code max} characters. Up to {@value #NAME} it is one line; a longer one may also hold tabs and
 * line breaks.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Text {

    int NAME = 255;

    int max();
}
