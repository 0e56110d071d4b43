package io.waybill.platform.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.AnnotationsUtils;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.waybill.platform.request.Decimal;
import io.waybill.platform.request.Ids;
import io.waybill.platform.request.Name;
import io.waybill.platform.request.Sid;
import io.waybill.platform.request.Text;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records in the OpenAPI document as Jackson writes and reads them. A component of a primitive type is always there,
 * so it is required; any other is written as {@code null} when it has no value, so its schema admits null beside its
 * own (a property a request must give stays as the request record declares it: required, never null). A
 * {@code JsonNode} (a body, or a part of one, read element by element) is any JSON value; one that declares its
 * elements ({@code @ArraySchema}) is an array of them. A request field shows the limits its reader keeps.
 */
@Component
class RecordSchemas implements ModelConverter {

    private static final String NULL = "null";
    private static final String ARRAY = "array";

    @Override
    public Schema<?> resolve(AnnotatedType annotated, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Class<?> type = rawClass(annotated);
        if (type != null && JsonNode.class.isAssignableFrom(type)) {
            return new Schema<>();
        }
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> resolved = chain.next().resolve(annotated, context, chain);
        if (resolved == null || type == null || !type.isRecord()) {
            return resolved;
        }
        // springdoc's converters answer a reference to the model they defined in the context
        String reference = resolved.get$ref();
        Schema<?> model = reference == null ? resolved
                : context.getDefinedModels().get(reference.substring(reference.lastIndexOf('/') + 1));
        if (model != null && model.getProperties() != null) {
            describe(type, model);
        }
        return resolved;
    }

    /** Describes the model's components as above; a second pass over the same model changes nothing. */
    private static void describe(Class<?> type, Schema<?> model) {
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            Schema<?> property = properties.get(name);
            if (property == null) {
                continue;
            }
            if (component.getType() == JsonNode.class && !is(property, ARRAY)
                    && component.getAccessor().isAnnotationPresent(ArraySchema.class)) {
                // the annotation gave the elements, but springdoc shows a JsonNode as any value
                property = AnnotationsUtils.clone(property, true);
                property.setTypes(new LinkedHashSet<>(List.of(ARRAY)));
            }
            property = withLimits(component.getAccessor(), property);
            boolean required = model.getRequired() != null && model.getRequired().contains(name);
            if (component.getType().isPrimitive() && !required) {
                model.addRequiredItem(name);
            } else if (!component.getType().isPrimitive() && !required && !admitsNull(property)) {
                property = orNull(property);
            }
            properties.put(name, property);
        }
    }

    /**
     * The limits the request readers hold a value to ({@link Sid}, {@link Name}, {@link Text}, {@link Ids},
     * {@link Decimal}'s sign), on a copy of the property's schema (or of its elements', for a list).
     */
    private static Schema<?> withLimits(Method accessor, Schema<?> property) {
        Sid sid = accessor.getAnnotation(Sid.class);
        Name name = accessor.getAnnotation(Name.class);
        Text text = accessor.getAnnotation(Text.class);
        Ids ids = accessor.getAnnotation(Ids.class);
        Decimal decimal = accessor.getAnnotation(Decimal.class);
        if (sid == null && name == null && text == null && ids == null && decimal == null) {
            return property;
        }
        Schema<?> copy = AnnotationsUtils.clone(property, true);
        Schema<?> one = copy;
        if (is(copy, ARRAY) && copy.getItems() != null) {
            copy.setItems(AnnotationsUtils.clone(copy.getItems(), true));
            one = copy.getItems();
            if (ids != null) {
                copy.setMaxItems(ids.max());
            }
        }
        if (sid != null) {
            one.setPattern("^" + Sid.PATTERN + "$");
            one.setMaxLength(Sid.MAX);
        } else if (name != null) {
            one.setMaxLength(Text.NAME);
        } else if (text != null) {
            one.setMaxLength(text.max());
        } else if (ids != null) {
            one.setMinLength(1);
            one.setMaxLength(Sid.MAX);
        }
        if (decimal != null) {
            one.setDescription(switch (decimal.value()) {
                case POSITIVE -> "An exact decimal greater than 0, as a string";
                case NOT_NEGATIVE -> "An exact decimal, 0 or more, as a string";
                case NOT_ZERO -> "An exact decimal other than 0, as a string";
            });
        }
        return copy;
    }

    private static boolean is(Schema<?> property, String type) {
        return (property.getTypes() != null && property.getTypes().contains(type)) || type.equals(property.getType());
    }

    private static boolean admitsNull(Schema<?> property) {
        return (property.getTypes() != null && property.getTypes().contains(NULL))
                || (property.getAnyOf() != null && property.getAnyOf().stream().anyMatch(RecordSchemas::admitsNull));
    }

    /**
     * The property's schema or null: a reference becomes "the referenced schema, or null"; any other schema is
     * copied (springdoc shares one instance among properties of a type, the decimal's for one) with null added to
     * its types.
     */
    private static Schema<?> orNull(Schema<?> property) {
        if (property.get$ref() != null) {
            return new Schema<>().anyOf(List.of(property, new Schema<>().types(new LinkedHashSet<>(List.of(NULL)))));
        }
        Schema<?> copy = AnnotationsUtils.clone(property, true);
        Set<String> types = new LinkedHashSet<>();
        if (copy.getTypes() != null) {
            types.addAll(copy.getTypes());
        } else if (copy.getType() != null) {
            types.add(copy.getType());
        }
        if (types.isEmpty()) {
            return copy;
        }
        types.add(NULL);
        copy.setTypes(types);
        return copy;
    }

    private static Class<?> rawClass(AnnotatedType annotated) {
        if (annotated.getType() instanceof JavaType javaType) {
            return javaType.getRawClass();
        }
        if (annotated.getType() == null) {
            return null;
        }
        return Json.mapper().constructType(annotated.getType()).getRawClass();
    }
}
