package io.waybill.launcher.persistence;

import io.waybill.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's unique-name check (a rename runs it, and a create the index refused, to say what is taken) is
 * decided by the unique index on PostgreSQL even before the table has statistics (autovacuum may be off, as on our
 * machines): with 20,000 orders of one organisation it reads one index entry, not every order.
 */
class RegistryPlanPostgresIT {

    @Test
    void theUniqueNameCheckUsesTheUniqueIndexWithoutTableStatistics() throws SQLException {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                TestDatabases.connect(TestDatabases.createPostgresDatabase()), true);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("ALTER TABLE entity_registry SET (autovacuum_enabled = false)");
            jdbc.update("INSERT INTO entity_registry (id, org_id, kind, parent_id, unique_name) "
                    + "SELECT 'order-' || g, 'org-1', 'ORDER', '', 'PO-' || g FROM generate_series(1, 20000) g");
            // the indexes' sizes as a grown table's are (the planner weighs them), still no column statistics
            jdbc.execute("REINDEX TABLE entity_registry");
            List<String> plan = jdbc.queryForList("EXPLAIN SELECT id FROM entity_registry WHERE org_id = 'org-1' "
                    + "AND kind = 'ORDER' AND parent_id = '' AND unique_name = 'PO-19999' AND id <> 'new'",
                    String.class);
            assertThat(String.join("\n", plan)).contains("entity_registry_unique_name")
                    .doesNotContain("Seq Scan");
        } finally {
            dataSource.destroy();
        }
    }
}
