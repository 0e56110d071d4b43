package io.waybill.platform.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.AnnotationsUtils;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

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
 * elements ({@code @ArraySchema}) is an array of them.
 */
@Component
class RecordSchemas implements ModelConverter {

    private static final String NULL = "null";
    private static final Set<String> ARRAY_ONLY = Set.of("array");

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
        Schema<?> model = resolved.get$ref() == null ? resolved
                : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
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
            if (component.getType() == JsonNode.class && !ARRAY_ONLY.equals(property.getTypes())
                    && component.getAccessor().isAnnotationPresent(ArraySchema.class)) {
                // the annotation gave the elements, but springdoc shows a JsonNode as any value
                property = AnnotationsUtils.clone(property, true);
                property.setTypes(new LinkedHashSet<>(ARRAY_ONLY));
                properties.put(name, property);
            }
            if ((model.getRequired() != null && model.getRequired().contains(name)) || admitsNull(property)) {
                continue;
            }
            if (component.getType().isPrimitive()) {
                model.addRequiredItem(name);
            } else {
                properties.put(name, orNull(property));
            }
        }
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
