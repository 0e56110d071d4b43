package io.waybill.api;

import java.util.function.Function;

/**
 * How a request names a record it refers to, on either side: by its id, or by its unique name, which is unique
 * within the record's parent only, or by both, which must then name the same record. Each side looks the names up
 * in its own store (the registry, the read models); these are the rules both hold them to.
 */
public final class RecordNames {

    private RecordNames() {
    }

    /** The record both names found, or the one that was given; {@code validation_failed} if they differ. */
    public static <T> T agree(T byId, T byName, Function<T, String> id, String idField, String nameField) {
        if (byId != null && byName != null && !id.apply(byId).equals(id.apply(byName))) {
            throw disagree(idField, nameField);
        }
        return byId != null ? byId : byName;
    }

    /** The id and the unique name given name two different records. */
    public static DomainException disagree(String idField, String nameField) {
        return DomainException.invalid(nameField, "names another record than " + idField);
    }

    /** A unique name given without the parent it is unique within. */
    public static DomainException needsParent(String nameField, String parentFields) {
        return DomainException.invalid(nameField, "needs " + parentFields + ", within which it is unique");
    }
}
