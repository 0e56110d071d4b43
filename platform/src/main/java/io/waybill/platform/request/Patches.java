package io.waybill.platform.request;

import io.waybill.api.Change;
import org.openapitools.jackson.nullable.JsonNullable;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** A PATCH field as the commands take it: left out is no change, given (null included) is a change to it. */
public final class Patches {

    private Patches() {
    }

    public static <T> Change<T> change(JsonNullable<T> field) {
        return field != null && field.isPresent() ? Change.to(field.get()) : null;
    }

    /**
     * The request's {@code JsonNullable} fields by name, in the record's order. Request records are kept private to
     * their feature's package, so their accessors are opened for this read.
     */
    public static Map<String, JsonNullable<?>> fields(Record request) {
        Map<String, JsonNullable<?>> fields = new LinkedHashMap<>();
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            try {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                if (accessor.invoke(request) instanceof JsonNullable<?> field) {
                    fields.put(component.getName(), field);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
        }
        return fields;
    }

    /** Whether the field was left out or set to null. */
    public static boolean isEmpty(JsonNullable<?> field) {
        return !field.isPresent() || field.get() == null;
    }
}
