package io.waybill.query.events;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL's rule: a missing index is a hole once every transaction that could still write it has ended. When a
 * gap is first seen, its owners have already drawn their indices; {@code settle} later (time enough to have
 * started writing, which gives them a transaction id) the ids of all transactions in progress are recorded. Once
 * none of them is in progress any more, an index still missing below the fence will never be written.
 */
final class TransactionHoles implements Holes {

    private final JdbcTemplate jdbc;
    private final long settleMillis;
    private long fence = -1;
    private long since;
    private List<Long> owners;
    private boolean ended;

    TransactionHoles(JdbcTemplate jdbc, Duration settle) {
        this.jdbc = jdbc;
        this.settleMillis = settle.toMillis();
    }

    @Override
    public Verdict check(long missing, long highestVisible, long nowMillis) {
        if (missing >= fence) {
            fence = highestVisible;
            since = nowMillis;
            owners = null;
            ended = false;
            return Verdict.WAIT;
        }
        if (ended) {
            return Verdict.PASS;
        }
        if (nowMillis - since < settleMillis) {
            return Verdict.WAIT;
        }
        if (owners == null) {
            owners = jdbc.queryForList("SELECT CAST(x AS TEXT) FROM pg_snapshot_xip(pg_current_snapshot()) AS x",
                    String.class).stream().map(Long::parseLong).toList();
        }
        ended = owners.isEmpty() || stillRunning() == 0;
        return ended ? Verdict.READ_AGAIN : Verdict.WAIT;
    }

    private int stillRunning() {
        // The ids come from the database as numbers, so writing them into the statement is safe.
        String ids = owners.stream().map(String::valueOf).collect(Collectors.joining(",", "'{", "}'"));
        Integer running = jdbc.queryForObject("SELECT COUNT(*) FROM unnest(CAST(" + ids + " AS xid8[])) AS x "
                + "WHERE NOT pg_visible_in_snapshot(x, pg_current_snapshot())", Integer.class);
        return running == null ? 0 : running;
    }
}
