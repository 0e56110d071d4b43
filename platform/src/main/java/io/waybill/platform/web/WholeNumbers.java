package io.waybill.platform.web;

import java.util.OptionalLong;

/** Reads the whole numbers that headers, parameters and cursors carry as text. */
public final class WholeNumbers {

    private WholeNumbers() {
    }

    /** The number that {@code text} holds when it is a whole number from {@code min} to {@code max}. */
    public static OptionalLong parse(String text, long min, long max) {
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(text);
            return value >= min && value <= max ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The number that {@code text} holds when it is a whole number, 0 or more. */
    public static OptionalLong nonNegative(String text) {
        return parse(text, 0, Long.MAX_VALUE);
    }
}
