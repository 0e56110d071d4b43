package io.waybill.query.support;

import io.r2dbc.spi.Row;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Conversions between read-model columns and view fields, shared by projections (JDBC) and readers (R2DBC). */
public final class Rows {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    /** Most records relate to nothing: their column holds the empty list, written and read without the mapper. */
    private static final String NO_RELATIONS = "[]";

    private Rows() {
    }

    public static String relations(List<String> ids) {
        return ids == null || ids.isEmpty() ? NO_RELATIONS : JSON.writeValueAsString(ids);
    }

    public static List<String> relations(String json) {
        return json == null || json.equals(NO_RELATIONS) ? List.of() : JSON.readValue(json, STRINGS);
    }

    /** A case-insensitive {@code LIKE} pattern finding {@code text} anywhere, its wildcards taken literally. */
    public static String containing(String text) {
        if (text == null) {
            return null;
        }
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The exact value without the padding zeros of the column's scale. */
    public static BigDecimal decimal(Row row, String column) {
        BigDecimal value = row.get(column, BigDecimal.class);
        return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
    }

    public static Integer integer(Row row, String column) {
        return row.get(column, Integer.class);
    }

    public static boolean flag(Row row, String column) {
        return Boolean.TRUE.equals(row.get(column, Boolean.class));
    }
}
