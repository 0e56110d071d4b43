package io.waybill.platform.request;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Reads one field of a request record with the reader of {@link Values} that its type and format annotation name
 * ({@link Sid}, {@link Name}, {@link Text}, {@link Decimal}, {@link Ids}); an enum (a status, a target type) by
 * {@link Values#choice}. A wrong value is not thrown: its problem is
 * kept in the read's {@link Problems} and the field left null, so every problem of a request is found in one read.
 */
final class FieldDeserializer extends ValueDeserializer<Object> {

    private final Class<?> type;
    private final Function<JsonNode, Values.Read<?>> reader;

    FieldDeserializer(Class<?> type) {
        this(type, null);
    }

    private FieldDeserializer(Class<?> type, Function<JsonNode, Values.Read<?>> reader) {
        this.type = type;
        this.reader = reader;
    }

    static List<Class<?>> types() {
        return List.of(String.class, BigDecimal.class, Integer.class, Boolean.class, LocalDate.class, Instant.class,
                List.class);
    }

    @Override
    public Class<?> handledType() {
        return type;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        if (property == null) {
            throw new IllegalStateException("a " + type.getSimpleName() + " of a request is read as a field");
        }
        return new FieldDeserializer(type, readerFor(property));
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
        String field = p.currentName();
        Values.Read<?> read = reader.apply(ctxt.readTree(p));
        if (read.problem() != null) {
            ((Problems) ctxt.getAttribute(Problems.class)).reject(field, read.problem());
        }
        return read.value();
    }

    private Function<JsonNode, Values.Read<?>> readerFor(BeanProperty property) {
        if (type == String.class) {
            Function<JsonNode, Values.Read<String>> text = textReader(property);
            return text != null ? text::apply : unformatted(property);
        }
        if (type == BigDecimal.class) {
            Decimal decimal = property.getAnnotation(Decimal.class);
            return decimal != null ? value -> Values.decimal(value, decimal.value()) : unformatted(property);
        }
        if (type == List.class) {
            Ids ids = property.getAnnotation(Ids.class);
            if (ids == null) {
                return unformatted(property);
            }
            Function<JsonNode, Values.Read<String>> element = textReader(property);
            return element == null ? value -> Values.ids(value, ids.max())
                    : value -> Values.list(value, ids.max(), element);
        }
        if (type.isEnum()) {
            return value -> Values.choice(value, type.asSubclass(Enum.class));
        }
        return type == Integer.class ? Values::integer : type == Boolean.class ? Values::bool
                : type == LocalDate.class ? Values::date : Values::instant;
    }

    /** The reader a text's annotation ({@link Sid}, {@link Name}, {@link Text}) picks, or null without one. */
    private static Function<JsonNode, Values.Read<String>> textReader(BeanProperty property) {
        if (property.getAnnotation(Sid.class) != null) {
            return Values::sid;
        }
        Text text = property.getAnnotation(Text.class);
        int max = text != null ? text.max() : property.getAnnotation(Name.class) != null ? Text.NAME : -1;
        return max > 0 ? value -> Values.text(value, max) : null;
    }

    private Function<JsonNode, Values.Read<?>> unformatted(BeanProperty property) {
        throw new IllegalStateException("request field " + property.getName() + " needs a format annotation");
    }
}
