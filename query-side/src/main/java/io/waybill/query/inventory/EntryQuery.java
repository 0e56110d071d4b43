package io.waybill.query.inventory;

import io.r2dbc.spi.Row;
import io.waybill.api.Page;
import io.waybill.platform.web.Cursor;
import io.waybill.platform.web.PageRequest;
import io.waybill.query.support.Rows;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A keyset-paged query over {@code ledger_entry_view e} of one organisation, in ledger order: by event date, then by
 * the time the entry was recorded, then by id. A backdated entry takes its place by its date, so one recorded while
 * a client pages through the ledger shows up only if it falls after the page the client has reached.
 */
final class EntryQuery {

    private static final String SELECT = "SELECT e.* FROM ledger_entry_view e";
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> binds = new LinkedHashMap<>();

    EntryQuery(String orgId) {
        where("e.org_id = :org", "org", orgId);
    }

    /** Adds the condition with its bind, or nothing when the value is null (a filter not asked for). */
    EntryQuery where(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            binds.put(name, value);
        }
        return this;
    }

    EntryQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    <T> Mono<Page<T>> page(DatabaseClient client, PageRequest request, Function<Row, T> mapper) {
        if (request.cursor() != null) {
            List<String> keys = Cursor.decode(request.cursor(), 3);
            conditions.add("(e.event_date > :afterDate OR (e.event_date = :afterDate AND (e.created_at > :afterAt "
                    + "OR (e.created_at = :afterAt AND e.id > :afterId))))");
            binds.put("afterDate", parse(() -> LocalDate.parse(keys.get(0))));
            binds.put("afterAt", Rows.at(parse(() -> Instant.parse(keys.get(1)))));
            binds.put("afterId", keys.get(2));
        }
        String sql = SELECT + " WHERE " + String.join(" AND ", conditions)
                + " ORDER BY e.event_date, e.created_at, e.id LIMIT " + (request.limit() + 1);
        var spec = client.sql(sql);
        for (var bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map((row, meta) -> new Keyed<>(position(row), mapper.apply(row))).all().collectList()
                .map(rows -> {
                    Page<Keyed<T>> page = request.page(rows, Keyed::position);
                    return new Page<>(page.data().stream().map(Keyed::value).toList(), page.nextCursor());
                });
    }

    private static String position(Row row) {
        return Cursor.encode(row.get("event_date", LocalDate.class).toString(),
                Rows.instant(row, "created_at").toString(), row.get("id", String.class));
    }

    private static <V> V parse(Supplier<V> parser) {
        try {
            return parser.get();
        } catch (DateTimeParseException e) {
            throw Cursor.invalid();
        }
    }

    private record Keyed<T>(String position, T value) {
    }
}
