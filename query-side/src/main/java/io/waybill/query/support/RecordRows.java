package io.waybill.query.support;

import io.waybill.api.RecordStreams;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the {@link BatchRows.Table}s of records whose id a client chooses share: their rows are keyed by organisation
 * and sid ({@link RecordStreams}), read many at a time and inserted where the key holds none.
 */
public final class RecordRows {

    private static final int READ_AT_ONCE = 500;

    private RecordRows() {
    }

    /** A row's key: the organisation and the record's id in it. */
    public record Key(String orgId, String sid) {

        /** The key of the record a stream holds. */
        public static Key ofStream(String streamId) {
            return new Key(RecordStreams.orgId(streamId), RecordStreams.recordId(streamId));
        }
    }

    /** The stored rows of {@code table} (with {@code org_id} and {@code sid} columns) of these keys. */
    public static <R> Map<Key, R> read(JdbcTemplate jdbc, String table, Collection<Key> keys, RowMapper<R> mapper,
            Function<R, Key> keyOf) {
        Map<Key, R> found = new HashMap<>();
        Map<String, List<String>> sidsByOrg = keys.stream().collect(Collectors.groupingBy(Key::orgId,
                Collectors.mapping(Key::sid, Collectors.toList())));
        sidsByOrg.forEach((org, sids) -> {
            for (int from = 0; from < sids.size(); from += READ_AT_ONCE) {
                List<String> part = sids.subList(from, Math.min(sids.size(), from + READ_AT_ONCE));
                List<Object> args = new ArrayList<>(part.size() + 1);
                args.add(org);
                args.addAll(part);
                jdbc.query("SELECT * FROM " + table + " WHERE org_id = ? AND sid IN ("
                                + String.join(", ", Collections.nCopies(part.size(), "?")) + ")", mapper,
                        args.toArray()).forEach(row -> found.put(keyOf.apply(row), row));
            }
        });
        return found;
    }

    /**
     * The rows of a batch of inserts that stored nothing ({@code inserted}: each statement's count), their key being
     * taken.
     */
    public static <R> List<R> taken(List<R> rows, int[] inserted) {
        List<R> taken = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 0) {
                taken.add(rows.get(i));
            }
        }
        return taken;
    }
}
