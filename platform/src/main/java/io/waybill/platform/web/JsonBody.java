package io.waybill.platform.web;

import io.waybill.api.Change;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.LineStatus;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Strict reading of a JSON request body. Each reader returns the field's value, or null when the field is absent,
 * null or invalid; problems are collected per field and {@link #validate()} refuses them all at once, so a
 * request is either read whole or changes nothing. A string of up to 255 characters (a name, code or id) holds no
 * control character, line break or lone surrogate; a longer text may hold tabs and line breaks (see {@link Text}).
 */
public final class JsonBody {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,26}(\\.\\d{1,12})?");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final int MAX_NAME = 255;
    private final JsonNode node;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    /** Reads an object with only the given fields; anything else is refused. */
    public static JsonBody of(JsonNode node, Set<String> allowedFields) {
        if (node == null || !node.isObject()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the request body must be a JSON object",
                    Map.of("body", "must be a JSON object"));
        }
        JsonBody body = new JsonBody(node);
        for (String field : node.propertyNames()) {
            if (!allowedFields.contains(field)) {
                body.errors.put(field, "unknown field");
            }
        }
        return body;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    public boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    public String string(String field, int maxLength) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            return error(field, "must be a string");
        }
        boolean longText = maxLength > MAX_NAME;
        if (!Text.isClean(value.stringValue(), longText)) {
            return error(field, longText ? "must not contain control characters other than tab and line breaks"
                    : "must not contain control characters or line breaks");
        }
        String text = value.stringValue().strip();
        if (text.isEmpty()) {
            return error(field, "must not be blank");
        }
        return text.length() > maxLength ? error(field, "must be at most " + maxLength + " characters") : text;
    }

    /** A client-chosen id: 1 to 64 letters, digits, _ or -. */
    public String sid(String field) {
        String text = string(field, 64);
        if (text != null && !SID.matcher(text).matches()) {
            return error(field, "must be 1 to 64 letters, digits, _ or -, starting with a letter or digit");
        }
        return text;
    }

    public String name(String field) {
        return string(field, MAX_NAME);
    }

    /**
     * An exact decimal given as a JSON string; {@code positive} demands > 0, otherwise >= 0. Trailing zeros are
     * dropped ("1.50" is 1.5), so equal amounts are equal wherever they are compared or shown.
     */
    public BigDecimal decimal(String field, boolean positive) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isString() || !DECIMAL.matcher(value.stringValue()).matches()) {
            return error(field, "must be a decimal in a string, like \"12.5\" (at most 12 decimal places)");
        }
        BigDecimal decimal = new BigDecimal(value.stringValue());
        if (positive ? decimal.signum() <= 0 : decimal.signum() < 0) {
            return error(field, positive ? "must be greater than zero" : "must not be negative");
        }
        return new BigDecimal(decimal.stripTrailingZeros().toPlainString());
    }

    /** An exact signed decimal given as a JSON string, never zero (a correction up or down). */
    public BigDecimal nonZeroDecimal(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isString() || !DECIMAL.matcher(value.stringValue()).matches()) {
            return error(field, "must be a decimal in a string, like \"-2.5\" (at most 12 decimal places)");
        }
        BigDecimal decimal = new BigDecimal(value.stringValue());
        return decimal.signum() == 0 ? error(field, "must not be zero")
                : new BigDecimal(decimal.stripTrailingZeros().toPlainString());
    }

    public Integer integer(String field, int min, int max) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            return error(field, "must be a whole number");
        }
        int number = value.intValue();
        return number < min || number > max ? error(field, "must be between " + min + " and " + max) : number;
    }

    public Boolean bool(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        return value.isBoolean() ? value.booleanValue() : error(field, "must be true or false");
    }

    public LocalDate date(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        try {
            return value.isString() ? LocalDate.parse(value.stringValue()) : error(field, "must be a date");
        } catch (DateTimeParseException e) {
            return error(field, "must be a date like 2026-03-31");
        }
    }

    public Instant instant(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        try {
            return value.isString() ? OffsetDateTime.parse(value.stringValue()).toInstant()
                    : error(field, "must be a date-time");
        } catch (DateTimeParseException e) {
            return error(field, "must be a date-time with offset, like 2026-03-31T09:30:00Z");
        }
    }

    public LineStatus status(String field) {
        String text = string(field, 16);
        if (text == null) {
            return null;
        }
        try {
            return LineStatus.of(text);
        } catch (IllegalArgumentException e) {
            return error(field, e.getMessage());
        }
    }

    /** A list of at most {@code max} ids. */
    public List<String> ids(String field, int max) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray() || value.size() > max) {
            return error(field, "must be an array of at most " + max + " ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode element : value.values()) {
            if (!element.isString() || element.stringValue().isBlank() || element.stringValue().length() > 64
                    || !Text.isClean(element.stringValue(), false)) {
                return error(field, "must hold ids of 1 to 64 characters, without control characters");
            }
            ids.add(element.stringValue());
        }
        return List.copyOf(ids);
    }

    /** A partial-update field: null when absent, a change to null when given as null, else the read value. */
    public <T> Change<T> change(String field, Function<String, T> reader) {
        if (!node.has(field)) {
            return null;
        }
        if (node.get(field).isNull()) {
            return Change.to(null);
        }
        T value = reader.apply(field);
        return value == null ? null : Change.to(value);
    }

    public <T> T required(String field, T value) {
        if (value == null && !errors.containsKey(field)) {
            errors.put(field, "is required");
        }
        return value;
    }

    /** Records a rule that spans fields. */
    public void reject(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    /** Refuses the request if any field was wrong. */
    public void validate() {
        if (!errors.isEmpty()) {
            String first = errors.entrySet().iterator().next().getKey();
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    first + ": " + errors.get(first) + (errors.size() > 1 ? " (and more, see details)" : ""),
                    Map.of("fields", Map.copyOf(errors)));
        }
    }

    private JsonNode value(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private <T> T error(String field, String message) {
        errors.putIfAbsent(field, message);
        return null;
    }
}
