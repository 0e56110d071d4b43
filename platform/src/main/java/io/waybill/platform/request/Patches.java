package io.waybill.platform.request;

import io.waybill.api.Change;
import org.openapitools.jackson.nullable.JsonNullable;

/** A PATCH field as the commands take it: left out is no change, given (null included) is a change to it. */
public final class Patches {

    private Patches() {
    }

    public static <T> Change<T> change(JsonNullable<T> field) {
        return field != null && field.isPresent() ? Change.to(field.get()) : null;
    }
}
