package io.waybill.platform.web;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Opaque keyset cursors: the sort key of the last row of a page, encoded. */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor, which must hold exactly {@code size} of them. */
    public static List<String> decode(String cursor, int size) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(text.split(SEPARATOR, -1));
            if (keys.size() == size) {
                return keys;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw invalid();
    }

    public static DomainException invalid() {
        return new DomainException(ErrorCode.VALIDATION_FAILED, "cursor is not valid", Map.of("field", "cursor"));
    }
}
