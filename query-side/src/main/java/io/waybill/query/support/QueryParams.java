package io.waybill.query.support;

import io.waybill.api.DomainException;
import io.waybill.platform.request.Decimal;
import io.waybill.platform.request.Values;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Query-string parameters read strictly: absent (or blank) is null, anything that is not what the parameter takes is
 * {@code validation_failed} naming the parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** {@code true} or {@code false}. */
    public static Boolean flag(String field, String value) {
        if (blank(value)) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw DomainException.invalid(field, "must be true or false");
        }
        return Boolean.valueOf(value);
    }

    public static Integer whole(String field, String value) {
        try {
            return blank(value) ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "must be a whole number");
        }
    }

    /** A decimal by the rule of the same value in a body ({@link Values#decimal(String, Decimal.Sign)}). */
    public static BigDecimal decimal(String field, String value, Decimal.Sign sign) {
        if (blank(value)) {
            return null;
        }
        Values.Read<BigDecimal> read = Values.decimal(value, sign);
        if (read.problem() != null) {
            throw DomainException.invalid(field, read.problem());
        }
        return read.value();
    }

    /** A date, {@code YYYY-MM-DD}. */
    public static LocalDate date(String field, String value) {
        try {
            return blank(value) ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a date like 2026-03-31");
        }
    }

    /**
     * One of a type's values, read by its factory (an enum's {@code @JsonCreator}), whose refusal names the
     * values it takes.
     */
    public static <T> T choice(String field, String value, Function<String, T> factory) {
        try {
            return blank(value) ? null : factory.apply(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, e.getMessage());
        }
    }

    /**
     * Each value of a repeated parameter read by {@link #choice}; a blank one is passed over as an absent one is,
     * so {@code ?status=&status=} filters nothing.
     */
    public static <T> List<T> choices(String field, List<String> values, Function<String, T> factory) {
        return values == null ? List.of()
                : values.stream().map(value -> choice(field, value, factory)).filter(Objects::nonNull).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
