package io.waybill.query.catalog;

import io.r2dbc.spi.Row;
import io.waybill.api.catalog.CatalogDetails;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.query.support.Rows;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code catalog_view} columns of each kind: a field's column is its snake_case name, so writing and reading
 * follow the details records and no kind needs its own mapping.
 */
final class CatalogColumns {

    private CatalogColumns() {
    }

    /** The kind's columns and the details' values, in component order. */
    static Map<String, Object> values(CatalogDetails details) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : details.getClass().getRecordComponents()) {
            values.put(column(component), read(component, details));
        }
        return values;
    }

    static CatalogDetails details(CatalogKind kind, Row row) {
        RecordComponent[] components = kind.detailsType().getRecordComponents();
        List<Object> values = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>();
        for (RecordComponent component : components) {
            String column = column(component);
            values.add(component.getType() == BigDecimal.class ? Rows.decimal(row, column)
                    : row.get(column, component.getType()));
            types.add(component.getType());
        }
        try {
            return kind.detailsType().getDeclaredConstructor(types.toArray(Class<?>[]::new))
                    .newInstance(values.toArray());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read a " + kind.noun() + " row", e);
        }
    }

    static String column(RecordComponent component) {
        return component.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
