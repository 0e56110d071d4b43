package io.waybill.api;

/**
 * One field of a partial update. A {@code null} {@code Change} leaves the field as it is; a {@code Change} holding
 * {@code null} removes the field's value.
 */
public record Change<T>(T value) {

    public static <T> Change<T> to(T value) {
        return new Change<>(value);
    }

    /** The value this change leads to, starting from {@code current}. */
    public static <T> T apply(Change<T> change, T current) {
        return change == null ? current : change.value();
    }
}
