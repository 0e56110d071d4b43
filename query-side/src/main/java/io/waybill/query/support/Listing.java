package io.waybill.query.support;

import io.waybill.api.Page;
import io.waybill.platform.web.Cursor;
import io.waybill.platform.web.PageRequest;
import io.r2dbc.spi.Row;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A keyset-paged, organisation-scoped list query over a read-model table ordered by (created, sid): stable while
 * rows are inserted, unlike offsets. Filters are added as SQL conditions with named binds.
 */
public final class Listing {

    private final String select;
    private final String alias;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> binds = new LinkedHashMap<>();

    /** {@code select} ends with the FROM clause (and joins); {@code alias} prefixes the table's columns. */
    public Listing(String select, String alias, String orgId) {
        this.select = select;
        this.alias = alias;
        where(alias + ".org_id = :org", "org", orgId);
        conditions.add(alias + ".deleted = FALSE");
    }

    public Listing where(String condition, String name, Object value) {
        conditions.add(condition);
        binds.put(name, value);
        return this;
    }

    public Listing whereIn(String column, String name, List<String> values) {
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            placeholders.add(":" + name + i);
            binds.put(name + i, values.get(i));
        }
        conditions.add(column + " IN (" + String.join(", ", placeholders) + ")");
        return this;
    }

    public <T> Mono<Page<T>> page(DatabaseClient client, PageRequest request, Function<Row, T> mapper,
                                  Function<T, Instant> created, Function<T, String> sid) {
        if (request.cursor() != null) {
            List<String> keys = Cursor.decode(request.cursor(), 2);
            Instant after = parseInstant(keys.get(0));
            conditions.add("(" + alias + ".created > :afterCreated OR (" + alias + ".created = :afterCreated AND "
                    + alias + ".sid > :afterSid))");
            binds.put("afterCreated", Rows.at(after));
            binds.put("afterSid", keys.get(1));
        }
        String sql = select + " WHERE " + String.join(" AND ", conditions) + " ORDER BY " + alias + ".created, "
                + alias + ".sid LIMIT " + (request.limit() + 1);
        var spec = client.sql(sql);
        for (var bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map((row, meta) -> mapper.apply(row)).all().collectList()
                .map(rows -> request.page(rows, last -> Cursor.encode(created.apply(last).toString(),
                        sid.apply(last))));
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Cursor.invalid();
        }
    }
}
