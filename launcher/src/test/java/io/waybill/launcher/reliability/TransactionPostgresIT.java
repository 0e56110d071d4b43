package io.waybill.launcher.reliability;

import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TransactionPostgresIT extends TransactionContract {

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.postgres();
    }

    /**
     * With autovacuum off, the service analyzes a table once enough of it changed, and the planner then finds a row
     * by its key through the key. Before it, a lookup by key on such a table took an index that starts with the
     * organisation alone (the costs tie without statistics) and read every row of the organisation.
     */
    @Test
    void tablesAutovacuumLeavesAloneAreAnalyzedSoThatLookupsByKeyUseTheKey() {
        JdbcTemplate jdbc = app().bean(JdbcTemplate.class);
        jdbc.execute("CREATE TABLE statistics_probe (org_id VARCHAR(64) NOT NULL, sid VARCHAR(64) NOT NULL, "
                + "order_sid VARCHAR(64) NOT NULL, PRIMARY KEY (org_id, sid)) WITH (autovacuum_enabled = false)");
        jdbc.execute("CREATE INDEX statistics_probe_order ON statistics_probe (org_id, order_sid)");
        String lookup = "EXPLAIN SELECT * FROM statistics_probe WHERE org_id = 'org-1' AND sid = 'lot-7'";
        // in the inserting transaction: no analysis can come between
        String before = new TransactionTemplate(app().bean(JdbcTransactionManager.class)).execute(status -> {
            jdbc.update("INSERT INTO statistics_probe SELECT 'org-1', 'lot-' || g, 'order-' || g "
                    + "FROM generate_series(1, 2000) g");
            return String.join("\n", jdbc.queryForList(lookup, String.class));
        });
        assertThat(before).contains("statistics_probe_order");

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'statistics_probe'",
                Boolean.class));
        assertThat(String.join("\n", jdbc.queryForList(lookup, String.class))).contains("statistics_probe_pkey");
    }

    /**
     * A read model is analyzed as often as it grows, so its analyses sample 3,000 rows instead of 30,000 (a target
     * of 10 for every column), and the rough figures still lead the planner to the key and to the unique name's
     * index.
     */
    @Test
    void readModelsAreAnalyzedFromSmallSamplesAndLookupsStillTakeTheirIndexes() {
        JdbcTemplate jdbc = app().bean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("SELECT DISTINCT attstattarget FROM pg_attribute WHERE attrelid = "
                + "'order_view'::regclass AND attnum > 0 AND NOT attisdropped", Integer.class)).containsExactly(10);
        new TransactionTemplate(app().bean(JdbcTransactionManager.class)).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO order_view (sid, org_id, unique_name, event_relations, created, updated, "
                    + "last_seq) SELECT 'o-' || g, 'org-' || (g % 3), 'ON-' || g, '[]', now(), now(), 0 "
                    + "FROM generate_series(1, 30000) g");
            jdbc.execute("ANALYZE order_view");
            assertThat(String.join("\n", jdbc.queryForList("EXPLAIN SELECT * FROM order_view WHERE org_id = 'org-1' "
                    + "AND sid = 'o-7'", String.class))).contains("order_view_pkey");
            assertThat(String.join("\n", jdbc.queryForList("EXPLAIN SELECT * FROM order_view WHERE org_id = 'org-1' "
                    + "AND unique_name = 'ON-7'", String.class))).contains("order_view_unique_name");
            status.setRollbackOnly();
        });
    }
}
