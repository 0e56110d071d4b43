package io.waybill.platform.web;

import java.util.OptionalLong;

/** Reads the whole numbers that headers, parameters and cursors carry as text, and the fields of fixed layouts. */
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

    /**
     * The number the {@code count} characters from {@code from} spell, or -1 where one is not an ASCII digit: a field
     * of a fixed layout (a date's year, month or day), read without a parser.
     */
    public static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
