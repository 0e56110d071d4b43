package io.waybill.platform.web;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.Page;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code ?cursor=&limit=} of a list request, read and checked. */
public record PageRequest(String cursor, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(String cursor, String limit) {
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            size = (int) WholeNumbers.parse(limit, 1, MAX_LIMIT).orElseThrow(() -> new DomainException(
                    ErrorCode.VALIDATION_FAILED, "limit must be a whole number from 1 to " + MAX_LIMIT,
                    Map.of("field", "limit")));
        }
        return new PageRequest(cursor == null || cursor.isBlank() ? null : cursor, size);
    }

    /**
     * A page from rows fetched with {@code limit + 1}: the extra row only tells that another page exists.
     */
    public <T> Page<T> page(List<T> rows, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> data = rows.subList(0, limit);
        return new Page<>(List.copyOf(data), cursorOf.apply(data.get(data.size() - 1)));
    }
}
