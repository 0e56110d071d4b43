package io.waybill.launcher.api.fuzz;

import io.waybill.launcher.api.fuzz.FuzzField.Kind;
import io.waybill.platform.request.Decimal;
import io.waybill.platform.request.Ids;
import io.waybill.platform.request.Name;
import io.waybill.platform.request.Required;
import io.waybill.platform.request.Sid;
import io.waybill.platform.request.Text;
import org.hibernate.validator.constraints.Range;
import org.openapitools.jackson.nullable.JsonNullable;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fuzz fields of a request record, read from its components the way the service reads them: the format
 * annotation picks the kind ({@link Sid}, {@link Name}, {@link Text}, {@link Decimal}, {@link Ids}), the type does
 * for the rest (whole numbers within their {@link Range}, booleans, dates, instants, enums by their JSON names),
 * {@link JsonNullable} is read through, and {@link Required} makes a field mandatory (any other may be left out, or
 * cleared by a partial update).
 */
final class RecordFields {

    private RecordFields() {
    }

    /** The fields of the record whose kind is known (a list of records, or a part read alone, is not). */
    static List<FuzzField> of(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordFields::field).filter(Objects::nonNull)
                .toList();
    }

    /** The names of the record's fields whose kind is not known. */
    static List<String> unknown(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents()).filter(component -> field(component) == null)
                .map(RecordComponent::getName).toList();
    }

    /** A body of only the required fields, each with its kind's example: valid where no field names a record. */
    static Map<String, Object> requiredOnly(List<FuzzField> fields) {
        return fields.stream().filter(FuzzField::mandatory)
                .collect(Collectors.toMap(FuzzField::name, FuzzField::example, (a, b) -> a, LinkedHashMap::new));
    }

    private static FuzzField field(RecordComponent component) {
        Method accessor = component.getAccessor();
        Type type = component.getGenericType();
        if (component.getType() == JsonNullable.class) {
            type = ((ParameterizedType) type).getActualTypeArguments()[0];
        }
        FuzzField field = kindOf(component.getName(), accessor, type);
        if (field == null) {
            return null;
        }
        if (accessor.isAnnotationPresent(Required.class)) {
            field = field.required();
        }
        return field;
    }

    private static FuzzField kindOf(String name, Method accessor, Type type) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        Ids ids = accessor.getAnnotation(Ids.class);
        if (raw == List.class && ids != null) {
            return accessor.isAnnotationPresent(Name.class) ? FuzzField.names(name, ids.max())
                    : FuzzField.ids(name, ids.max());
        }
        if (raw == String.class) {
            Text text = accessor.getAnnotation(Text.class);
            return accessor.isAnnotationPresent(Sid.class) ? FuzzField.sid(name)
                    : accessor.isAnnotationPresent(Name.class) ? FuzzField.name(name)
                    : text != null ? FuzzField.text(name, text.max()) : null;
        }
        if (raw == BigDecimal.class) {
            Decimal decimal = accessor.getAnnotation(Decimal.class);
            return decimal == null ? null : FuzzField.decimal(name, switch (decimal.value()) {
                case POSITIVE -> Kind.DECIMAL_POSITIVE;
                case NOT_NEGATIVE -> Kind.DECIMAL_NON_NEGATIVE;
                case NOT_ZERO -> Kind.DECIMAL_NON_ZERO;
            });
        }
        if (raw == Integer.class || raw == int.class) {
            Range range = accessor.getAnnotation(Range.class);
            return range == null ? FuzzField.integer(name, Integer.MIN_VALUE, Integer.MAX_VALUE)
                    : FuzzField.integer(name, range.min(), range.max());
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return FuzzField.bool(name);
        }
        if (raw == LocalDate.class) {
            return FuzzField.date(name);
        }
        if (raw == Instant.class) {
            return FuzzField.instant(name);
        }
        if (raw.isEnum()) {
            Set<String> values = new LinkedHashSet<>();
            for (Object constant : raw.getEnumConstants()) {
                values.add(JsonMapper.shared().writeValueAsString(constant).replace("\"", ""));
            }
            return FuzzField.oneOf(name, values);
        }
        return null;
    }
}
