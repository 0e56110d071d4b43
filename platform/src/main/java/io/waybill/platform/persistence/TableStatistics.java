package io.waybill.platform.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps PostgreSQL's table statistics current where PostgreSQL does not: with autovacuum off (on the server or for
 * a table), a table is never analyzed, and the planner cannot tell a lookup by a row's key from a scan of the whole
 * organisation. Every read-model, registry and index table has indexes that start with the organisation, and
 * without statistics they cost the same as the primary key: PostgreSQL then took another index than the key's
 * for lookups by key, reading every row of the organisation per event (a rebuild of 100,000 events fell to a few
 * hundred a second), and a plan cached meanwhile kept doing so for as long as its connection lived.
 * <p>
 * Every {@code waybill.db.analyze-check} this process analyzes the tables autovacuum would have analyzed by now, by
 * autovacuum's own rule and settings: more rows changed since the last analysis than
 * {@code autovacuum_analyze_threshold} plus {@code autovacuum_analyze_scale_factor} of the table, and, as autovacuum
 * visits a database once every {@code autovacuum_naptime}, not analyzed within that time (a table never analyzed is
 * due at once). An analysis samples at most 30,000 rows, takes no lock that writers or readers wait for, and one
 * already running elsewhere is skipped. Where autovacuum runs, this does nothing.
 */
@Component
class TableStatistics {

    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);
    private static final String DUE = """
            SELECT format('%I.%I', s.schemaname, s.relname)
            FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
            WHERE s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
                      + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
              AND (current_setting('autovacuum') = 'off'
                   OR 'autovacuum_enabled=false' = ANY (coalesce(c.reloptions, '{}')))
              AND coalesce(greatest(s.last_analyze, s.last_autoanalyze), '-infinity')
                      < now() - current_setting('autovacuum_naptime')::interval
            """;

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    TableStatistics(JdbcTemplate jdbc, DataSourceProperties dataSource) {
        this.jdbc = jdbc;
        this.postgres = dataSource.getUrl() != null && dataSource.getUrl().startsWith("jdbc:postgresql:");
    }

    @Scheduled(fixedDelayString = "${waybill.db.analyze-check:5s}")
    void analyzeWhereDue() {
        if (!postgres) {
            return;
        }
        try {
            List<String> due = jdbc.queryForList(DUE, String.class);
            for (String table : due) {
                jdbc.execute("ANALYZE (SKIP_LOCKED) " + table);
            }
            if (!due.isEmpty()) {
                log.debug("analyzed {}", due);
            }
        } catch (DataAccessException e) {
            // the database out of reach or a table dropped meanwhile: the next check tries again
            log.debug("table statistics not brought up to date: {}", e.getMessage());
        }
    }
}
