package io.waybill.api.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/** An ordered map of the fields a view shows; unlike {@code Map.of}, values may be null. */
final class Shown {

    private Shown() {
    }

    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
