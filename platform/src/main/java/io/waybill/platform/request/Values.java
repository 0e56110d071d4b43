package io.waybill.platform.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.waybill.platform.web.CleanText;
import io.waybill.platform.web.WholeNumbers;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How each kind of request value is read from its JSON, strictly: the value, or what is wrong with it. A string of up
 * to {@value Text#NAME} characters (a name, code or id) holds no control character, line break or lone surrogate; a
 * longer text may hold tabs and line breaks (see {@link CleanText}). Strings are stripped. Lengths are counted in
 * characters (code points), as the README's table of limits says.
 */
public final class Values {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,26}(\\.\\d{1,12})?");
    private static final Pattern SID = Pattern.compile(Sid.PATTERN);
    private static final int SID_LENGTH = Sid.MAX;

    private Values() {
    }

    /** A value read, or the problem that kept it from being read. */
    public record Read<T>(T value, String problem) {

        static <T> Read<T> of(T value) {
            return new Read<>(value, null);
        }

        static <T> Read<T> wrong(String problem) {
            return new Read<>(null, problem);
        }
    }

    public static Read<String> text(JsonNode value, int maxLength) {
        if (!value.isString()) {
            return Read.wrong("must be a string");
        }
        boolean longText = maxLength > Text.NAME;
        if (!CleanText.isClean(value.stringValue(), longText)) {
            return Read.wrong(longText ? "must not contain control characters other than tab and line breaks"
                    : "must not contain control characters or line breaks");
        }
        String text = value.stringValue().strip();
        if (text.isEmpty()) {
            return Read.wrong("must not be blank");
        }
        return characters(text) > maxLength ? Read.wrong("must be at most " + maxLength + " characters")
                : Read.of(text);
    }

    /**
     * A text's length as the API counts it: in characters (Unicode code points), so an emoji counts one, not the
     * two UTF-16 units Java's {@code length()} gives it.
     */
    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    public static Read<String> sid(JsonNode value) {
        Read<String> text = text(value, SID_LENGTH);
        if (text.value() != null && !SID.matcher(text.value()).matches()) {
            return Read.wrong("must be 1 to 64 letters, digits, _ or -, starting with a letter or digit");
        }
        return text;
    }

    /** Trailing zeros are dropped ("1.50" is 1.5), so equal amounts are equal wherever compared or shown. */
    public static Read<BigDecimal> decimal(JsonNode value, Decimal.Sign sign) {
        if (!value.isString() || !DECIMAL.matcher(value.stringValue()).matches()) {
            return Read.wrong("must be a decimal in a string, like \"" + example(sign)
                    + "\" (at most 12 decimal places)");
        }
        return decimal(value.stringValue(), sign);
    }

    /**
     * A decimal given as text (a query parameter), by the same rule as one in a body: digits with at most 12
     * decimal places, no exponent, no sign but a leading minus.
     */
    public static Read<BigDecimal> decimal(String text, Decimal.Sign sign) {
        if (!DECIMAL.matcher(text).matches()) {
            return Read.wrong("must be a decimal like " + example(sign) + " (at most 12 decimal places)");
        }
        BigDecimal decimal = new BigDecimal(text);
        String wrong = switch (sign) {
            case POSITIVE -> decimal.signum() <= 0 ? "must be greater than zero" : null;
            case NOT_NEGATIVE -> decimal.signum() < 0 ? "must not be negative" : null;
            case NOT_ZERO -> decimal.signum() == 0 ? "must not be zero" : null;
        };
        return wrong != null ? Read.wrong(wrong) : Read.of(new BigDecimal(decimal.stripTrailingZeros().toPlainString()));
    }

    private static String example(Decimal.Sign sign) {
        return sign == Decimal.Sign.NOT_ZERO ? "-2.5" : "12.5";
    }

    public static Read<Integer> integer(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToInt() ? Read.of(value.intValue())
                : Read.wrong("must be a whole number");
    }

    public static Read<Boolean> bool(JsonNode value) {
        return value.isBoolean() ? Read.of(value.booleanValue()) : Read.wrong("must be true or false");
    }

    public static Read<LocalDate> date(JsonNode value) {
        if (!value.isString()) {
            return Read.wrong("must be a date");
        }
        try {
            return Read.of(isoDate(value.stringValue()));
        } catch (DateTimeParseException e) {
            return Read.wrong("must be a date like 2026-03-31");
        }
    }

    /**
     * {@code LocalDate.parse}, with a date written as requests write it ({@code 2026-03-31}) read without the
     * formatter: its parse was 1.2 % of the command side's CPU under W1 (docs/design.md, "Performance"). Any other
     * text, and a day the month has not, goes to {@code LocalDate.parse}, which reads or refuses it.
     */
    static LocalDate isoDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = WholeNumbers.digits(text, 0, 4);
            int month = WholeNumbers.digits(text, 5, 2);
            int day = WholeNumbers.digits(text, 8, 2);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    public static Read<Instant> instant(JsonNode value) {
        if (!value.isString()) {
            return Read.wrong("must be a date-time");
        }
        try {
            return Read.of(OffsetDateTime.parse(value.stringValue()).toInstant());
        } catch (DateTimeParseException e) {
            return Read.wrong("must be a date-time with offset, like 2026-03-31T09:30:00Z");
        }
    }

    /**
     * A constant of an enum, from its JSON string: through the enum's {@code @JsonCreator} factory (whose refusal
     * names the choices, as {@code LineStatus.of} does), or else by the constant's name.
     */
    public static <E extends Enum<E>> Read<E> choice(JsonNode value, Class<E> type) {
        Read<String> text = text(value, 64);
        if (text.value() == null) {
            return Read.wrong(text.problem());
        }
        Method factory = Arrays.stream(type.getMethods())
                .filter(m -> m.isAnnotationPresent(JsonCreator.class) && Modifier.isStatic(m.getModifiers())
                        && m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class)
                .findFirst().orElse(null);
        if (factory == null) {
            return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(text.value())).findFirst()
                    .map(Read::of).orElseGet(() -> Read.wrong("must be one of "
                            + Arrays.toString(type.getEnumConstants())));
        }
        try {
            return Read.of(type.cast(factory.invoke(null, text.value())));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException refused) {
                return Read.wrong(refused.getMessage());
            }
            throw new IllegalStateException("cannot read a " + type.getSimpleName(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read a " + type.getSimpleName(), e);
        }
    }

    public static Read<List<String>> ids(JsonNode value, int max) {
        if (!value.isArray() || value.size() > max) {
            return Read.wrong("must be an array of at most " + max + " ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode element : value.values()) {
            if (!element.isString() || element.stringValue().isBlank() || characters(element.stringValue()) > SID_LENGTH
                    || !CleanText.isClean(element.stringValue(), false)) {
                return Read.wrong("must hold ids of 1 to 64 characters, without control characters");
            }
            ids.add(element.stringValue());
        }
        return Read.of(List.copyOf(ids));
    }

    /** An array of at most {@code max} texts, each read as {@code element} reads one: the first fault is told. */
    public static Read<List<String>> list(JsonNode value, int max, Function<JsonNode, Read<String>> element) {
        if (!value.isArray() || value.size() > max) {
            return Read.wrong("must be an array of at most " + max + " values");
        }
        List<String> texts = new ArrayList<>();
        int index = 0;
        for (JsonNode each : value.values()) {
            Read<String> read = element.apply(each);
            if (read.problem() != null) {
                return Read.wrong("[" + index + "] " + read.problem());
            }
            texts.add(read.value());
            index++;
        }
        return Read.of(List.copyOf(texts));
    }
}
