package io.waybill.command.support;

import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@link SideTable} whose rows are written whole: each write is carried as the row it left (key, version, every
 * value), so making it again or taking it back needs nothing but the row. Commands never delete a row (a write that
 * ends what a row stands for sets a value that says so), so a row's {@code version} only grows and a carried write
 * applies over an older one only. Written by a command that must wait for its events to be seen stored
 * ({@link CarriedWrites#pending()}), a row keeps what it was in {@code prev_row} until they are; a write no stored
 * event carries is taken back to it.
 * <p>
 * The table needs the columns {@code version}, {@code pending}, {@code written_at} and {@code prev_row} beside its
 * own. A value the table keeps unique and may do without ({@code freed}, an organisation's slug) is left off a row
 * made again or taken back while another row holds it, and said in the log, as the registry does with names. The
 * processor may apply writes to one row from two segments at once (the row's events come from two aggregates): a
 * row inserted meanwhile is compared again, so the newer version stands whichever segment comes first.
 */
public final class CarriedTable implements SideTable {

    private static final Logger LOG = LoggerFactory.getLogger(CarriedTable.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final int BATCH = 100;
    private final JdbcTemplate jdbc;
    private final CarriedWrites writes;
    private final Clock clock;
    private final String table;
    private final String key;
    private final List<Column> keys;
    private final List<Column> values;
    private final List<Column> columns;
    private final List<String> freed;
    private final RowMapper<Map<String, Object>> reader;

    /** A column of the table and the kind of value it holds. */
    public record Column(String name, Kind kind) {

        public static Column text(String name) {
            return new Column(name, Kind.TEXT);
        }

        public static Column flag(String name) {
            return new Column(name, Kind.FLAG);
        }

        public static Column time(String name) {
            return new Column(name, Kind.TIME);
        }
    }

    /** The kinds of value a carried row holds: text, a boolean, a timestamp with its offset. */
    public enum Kind { TEXT, FLAG, TIME }

    /**
     * @param writes the metadata key under which events carry the table's writes
     * @param keys   the columns of the table's primary key
     * @param values every other column a command writes
     * @param freed  the unique columns a row may do without (null), should another row hold the value
     */
    public CarriedTable(JdbcTemplate jdbc, CarriedWrites carried, Clock clock, String table, String writes,
                        List<Column> keys, List<Column> values, List<String> freed) {
        this.jdbc = jdbc;
        this.writes = carried;
        this.clock = clock;
        this.table = table;
        this.key = writes;
        this.keys = List.copyOf(keys);
        this.values = List.copyOf(values);
        this.columns = Stream.concat(keys.stream(), values.stream()).toList();
        this.freed = List.copyOf(freed);
        this.reader = (rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Column column : columns) {
                row.put(column.name(), switch (column.kind()) {
                    case TEXT -> rs.getString(column.name());
                    case FLAG -> rs.getObject(column.name()) == null ? null : rs.getBoolean(column.name());
                    case TIME -> rs.getObject(column.name(), OffsetDateTime.class);
                });
            }
            row.put("version", rs.getLong("version"));
            row.put("pending", rs.getBoolean("pending"));
            return row;
        };
    }

    @Override
    public String writes() {
        return key;
    }

    /** The row with this key, locked until the command's transaction ends; empty when there is none. */
    public Optional<Map<String, Object>> lock(Object... key) {
        return rows(where(keys) + " FOR UPDATE", key).stream().findFirst();
    }

    /** The rows that meet {@code condition} (over the table's columns), locked until the transaction ends. */
    public List<Map<String, Object>> lockWhere(String condition, Object... arguments) {
        return rows(" WHERE " + condition + " FOR UPDATE", arguments);
    }

    /**
     * Writes a new row (its values by column name; those left out are null), as version 1. A key or unique value
     * another row holds throws {@link org.springframework.dao.DuplicateKeyException}, with nothing written.
     */
    public void insert(Map<String, Object> row) {
        List<Object> image = columns.stream().map(column -> row.get(column.name())).toList();
        jdbc.update("INSERT INTO " + table + " (" + names(columns) + ", version, pending, written_at) VALUES ("
                + "?,".repeat(columns.size()) + "1,?,?)", concat(image, writes.pending(), clock.millis()).toArray());
        carry(1, image);
    }

    /** Writes {@code changes} (values by column name) over a row {@link #lock} read. */
    public void update(Map<String, Object> row, Map<String, Object> changes) {
        long version = (Long) row.get("version");
        long next = CarriedWrites.after(version);
        List<Object> image = columns.stream().map(column -> changes.containsKey(column.name())
                ? changes.get(column.name()) : row.get(column.name())).toList();
        boolean pending = writes.pending();
        String before = pending ? JSON.writeValueAsString(encode(version, columns.stream()
                .map(column -> row.get(column.name())).toList())) : null;
        int updated = jdbc.update("UPDATE " + table + " SET " + assignments(values)
                        + ", version = ?, pending = ?, written_at = ?, prev_row = ?" + where(keys) + " AND version = ?",
                concat(concat(image.subList(keys.size(), image.size()), next, pending, clock.millis(), before),
                        concat(image.subList(0, keys.size()), version)).toArray());
        if (updated != 1) {
            throw new ConcurrencyException("a concurrent command wrote the same row of " + table);
        }
        carry(next, image);
    }

    private void carry(long version, List<Object> image) {
        if (writes.carrying()) {
            writes.carry(key, encode(version, image));
        }
    }

    /** Makes the write again over an older version of its row (usually the command made it: one lookup says so). */
    @Override
    public void repair(List<String> write) {
        long version = Long.parseLong(write.get(0));
        List<Object> image = decode(write.subList(1, write.size()));
        List<Object> key = image.subList(0, keys.size());
        Optional<Map<String, Object>> row = jdbc.queryForList("SELECT version, pending FROM " + table + where(keys),
                key.toArray()).stream().findFirst();
        long current = row.map(r -> ((Number) r.get("version")).longValue()).orElse(0L);
        if (current == version && Boolean.TRUE.equals(row.get().get("pending"))) {
            jdbc.update("UPDATE " + table + " SET pending = FALSE, prev_row = NULL" + where(keys) + " AND version = ?",
                    concat(key, version).toArray());
        } else if (current < version && !write(image, version, row.isPresent() ? current : null, false,
                "made again from its event")) {
            // another segment of the processor wrote the row meanwhile: compare with what it wrote
            repair(write);
        }
    }

    /** Takes back the pending writes made before {@code before}: each row goes back to what it was, or away. */
    @Override
    public void takeBack(long before) {
        jdbc.queryForList("SELECT " + names(keys) + ", version, prev_row FROM " + table + " WHERE pending = TRUE AND "
                + "written_at < ? ORDER BY written_at LIMIT " + BATCH, before).forEach(row -> {
            List<Object> key = keys.stream().map(column -> row.get(column.name())).toList();
            long version = ((Number) row.get("version")).longValue();
            Object prev = row.get("prev_row");
            if (prev == null) {
                jdbc.update("DELETE FROM " + table + where(keys) + " AND version = ? AND pending = TRUE",
                        concat(key, version).toArray());
            } else {
                List<String> was = JSON.readValue(prev.toString(), STRINGS);
                write(decode(was.subList(1, was.size())), Long.parseLong(was.get(0)), version, true, "taken back");
            }
            LOG.warn("{}: a write to the row {} that no stored event carries was taken back", table, key);
        });
    }

    /**
     * Writes a whole row at {@code version} over the one at {@code over} (null: there is none; {@code unconfirmed}:
     * only while that one is still pending). A unique value that another row holds is left off, if the row may do
     * without it; it is looked for first, as a refused statement would end the transaction. False when a row with
     * the key was written meanwhile, so none was inserted.
     */
    private boolean write(List<Object> image, long version, Long over, boolean unconfirmed, String why) {
        List<Object> key = image.subList(0, keys.size());
        List<Object> row = new ArrayList<>(image);
        for (String name : freed) {
            Object value = row.get(indexOf(name));
            if (value != null && jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + name + " = ? AND "
                    + "NOT (" + where(keys).substring(" WHERE ".length()) + ")", Integer.class,
                    concat(List.of(value), key).toArray()) > 0) {
                LOG.warn("{}: the {} of the row {} is held by another row; the row is {} without it", table, name,
                        key, why);
                row.set(indexOf(name), null);
            }
        }
        if (over == null) {
            if (jdbc.update("INSERT INTO " + table + " (" + names(columns) + ", version) VALUES ("
                    + "?,".repeat(columns.size()) + "?) ON CONFLICT DO NOTHING", concat(row, version).toArray()) == 1) {
                return true;
            }
            if (!rows(where(keys), key.toArray()).isEmpty()) {
                return false;
            }
            LOG.warn("{}: a unique value of the row {} is held by another row; the row is not {}", table, key, why);
            return true;
        }
        jdbc.update("UPDATE " + table + " SET " + assignments(values) + ", version = ?, pending = FALSE, "
                + "prev_row = NULL" + where(keys) + " AND version = ?" + (unconfirmed ? " AND pending = TRUE" : ""),
                concat(concat(row.subList(keys.size(), row.size()), version), concat(key, over)).toArray());
        return true;
    }

    private List<Map<String, Object>> rows(String condition, Object... arguments) {
        return jdbc.query("SELECT " + names(columns) + ", version, pending FROM " + table + condition, reader,
                arguments);
    }

    private List<String> encode(long version, List<Object> image) {
        List<String> encoded = new ArrayList<>(List.of(Long.toString(version)));
        image.forEach(value -> encoded.add(value == null ? null : value.toString()));
        return encoded;
    }

    private List<Object> decode(List<String> encoded) {
        List<Object> image = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String value = encoded.get(i);
            image.add(value == null ? null : switch (columns.get(i).kind()) {
                case TEXT -> value;
                case FLAG -> Boolean.parseBoolean(value);
                case TIME -> OffsetDateTime.parse(value);
            });
        }
        return image;
    }

    private int indexOf(String name) {
        return columns.stream().map(Column::name).toList().indexOf(name);
    }

    private static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    private static String assignments(List<Column> columns) {
        return columns.stream().map(column -> column.name() + " = ?").collect(Collectors.joining(", "));
    }

    private static String where(List<Column> keys) {
        return " WHERE " + keys.stream().map(column -> column.name() + " = ?").collect(Collectors.joining(" AND "));
    }

    private static List<Object> concat(List<Object> first, Object... more) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all;
    }

    private static List<Object> concat(List<Object> first, List<Object> second) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
