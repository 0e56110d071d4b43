package io.waybill.platform.web;

import io.waybill.api.Change;
import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.LineStatus;
import io.waybill.platform.request.Decimal.Sign;
import io.waybill.platform.request.Text;
import io.waybill.platform.request.Values;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Strict reading of a JSON request body, field by field, with the readers of {@link Values}. Each reader returns
 * the field's value, or null when the field is absent, null or invalid; problems are collected per field and
 * {@link #validate()} refuses them all at once, so a request is either read whole or changes nothing.
 */
public final class JsonBody {

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
        return take(field, value -> Values.text(value, maxLength));
    }

    /** A client-chosen id: 1 to 64 letters, digits, _ or -. */
    public String sid(String field) {
        return take(field, Values::sid);
    }

    public String name(String field) {
        return string(field, Text.NAME);
    }

    /** An exact decimal given as a JSON string; {@code positive} demands > 0, otherwise >= 0. */
    public BigDecimal decimal(String field, boolean positive) {
        return take(field, value -> Values.decimal(value, positive ? Sign.POSITIVE : Sign.NOT_NEGATIVE));
    }

    /** An exact signed decimal given as a JSON string, never zero (a correction up or down). */
    public BigDecimal nonZeroDecimal(String field) {
        return take(field, value -> Values.decimal(value, Sign.NOT_ZERO));
    }

    public Integer integer(String field, int min, int max) {
        Integer number = take(field, Values::integer);
        return number != null && (number < min || number > max)
                ? error(field, "must be between " + min + " and " + max) : number;
    }

    public Boolean bool(String field) {
        return take(field, Values::bool);
    }

    public LocalDate date(String field) {
        return take(field, Values::date);
    }

    public Instant instant(String field) {
        return take(field, Values::instant);
    }

    public LineStatus status(String field) {
        return take(field, Values::status);
    }

    /** A list of at most {@code max} ids. */
    public List<String> ids(String field, int max) {
        return take(field, value -> Values.ids(value, max));
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

    /** The field's value read by {@code reader}; null when absent, null or wrong (then the problem is kept). */
    private <T> T take(String field, Function<JsonNode, Values.Read<T>> reader) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        Values.Read<T> read = reader.apply(value);
        return read.problem() != null ? error(field, read.problem()) : read.value();
    }

    private <T> T error(String field, String message) {
        errors.putIfAbsent(field, message);
        return null;
    }
}
