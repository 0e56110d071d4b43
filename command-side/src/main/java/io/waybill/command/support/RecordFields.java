package io.waybill.command.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Partial updates and change lists over the fields of a record, by its components: one rule for every kind of
 * details (orders, their lines, catalog records, organisations), instead of a hand-written comparison per type
 * that could forget a field.
 */
public final class RecordFields {

    private RecordFields() {
    }

    /** {@code current} with the non-null fields of {@code patch} set and the {@code cleared} ones removed. */
    @SuppressWarnings("unchecked")
    public static <T> T merge(T current, Object patch, Set<String> cleared) {
        if (current.getClass() != patch.getClass() || !current.getClass().isRecord()) {
            throw new IllegalArgumentException("a " + patch.getClass().getSimpleName() + " patch for a "
                    + current.getClass().getSimpleName());
        }
        RecordComponent[] components = current.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Object given = read(components[i], patch);
            values[i] = cleared.contains(components[i].getName()) ? null
                    : given != null ? given : read(components[i], current);
            types[i] = components[i].getType();
        }
        try {
            return (T) current.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + current.getClass().getSimpleName(), e);
        }
    }

    /**
     * The names of the fields whose values differ, in the record's order, leaving out {@code ignored}. Decimals are
     * compared as numbers: 1.5 and 1.50 are the same amount.
     */
    public static List<String> changed(Object before, Object after, String... ignored) {
        Set<String> left = Set.of(ignored);
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            if (!left.contains(component.getName())
                    && !same(read(component, before), read(component, after))) {
                changed.add(component.getName());
            }
        }
        return changed;
    }

    private static boolean same(Object a, Object b) {
        return a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : Objects.equals(a, b);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
