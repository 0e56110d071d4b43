package io.waybill.launcher.persistence;

import io.waybill.command.support.CarriedTable;
import io.waybill.command.support.CarriedWrites;
import io.waybill.command.support.Counters;
import io.waybill.command.support.SideTable;
import io.waybill.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static io.waybill.command.support.CarriedTable.Column.text;
import static io.waybill.command.support.CarriedTable.Column.time;
import static io.waybill.launcher.ApiTestBase.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two segments of the side tables' processor may make writes to one row at once (a counter's numbers come from many
 * aggregates; a token is issued by its own aggregate and revoked by its organisation's). When both find the row
 * missing, the one whose insert waits on the other's must still leave the newer write standing, not drop its own.
 */
class SideTableRepairRacePostgresIT {

    private Connection first;
    private Connection second;
    private Connection reader;

    @BeforeEach
    void connect() throws Exception {
        String database = TestDatabases.createPostgresDatabase();
        SingleConnectionDataSource migrations = new SingleConnectionDataSource(TestDatabases.connect(database), true);
        Flyway.configure().dataSource(migrations).locations("classpath:db/migration").load().migrate();
        migrations.destroy();
        first = TestDatabases.connect(database);
        second = TestDatabases.connect(database);
        reader = TestDatabases.connect(database);
        first.setAutoCommit(false);
        second.setAutoCommit(false);
    }

    @AfterEach
    void close() throws Exception {
        first.close();
        second.close();
        reader.close();
    }

    @Test
    void aCounterStartedByTwoSegmentsAtOnceEndsAtTheHigherNumber() throws Exception {
        race(jdbc -> new Counters(jdbc), List.of("org-1", "WO", "1"), List.of("org-1", "WO", "2"));
        assertThat(read().queryForObject("SELECT last_value FROM number_counter WHERE org_id = 'org-1' "
                + "AND series = 'WO'", Long.class)).isEqualTo(2);
    }

    @Test
    void aRowWrittenByTwoSegmentsAtOnceEndsAtTheNewerVersion() throws Exception {
        String joined = "2026-12-04T09:00:00Z";
        race(jdbc -> new CarriedTable(jdbc, CarriedWrites.none(), Clock.systemUTC(), "access_membership",
                        "membershipWrites", List.of(text("org_id"), text("user_id")),
                        List.of(text("role"), time("joined_at")), List.of()),
                List.of("1", "org-1", "user-1", "member", joined), List.of("2", "org-1", "user-1", "admin", joined));
        assertThat(read().queryForMap("SELECT role, version FROM access_membership WHERE org_id = 'org-1'"))
                .containsEntry("role", "admin").containsEntry("version", 2L);
    }

    /**
     * The older write is made on the first connection and left uncommitted; the newer one, on the second, finds no
     * row and waits on the first's insert, which then commits.
     */
    private void race(Function<JdbcTemplate, SideTable> table, List<String> older,
                      List<String> newer) throws Exception {
        table.apply(template(first)).repair(older);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            table.apply(template(second)).repair(newer);
            commit(second);
        });
        eventually().atMost(Duration.ofSeconds(10)).until(() -> waiting.isDone() || read().queryForObject(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = "
                        + "'Lock'", Integer.class) > 0);
        first.commit();
        waiting.get();
    }

    private JdbcTemplate read() {
        return template(reader);
    }

    private static JdbcTemplate template(Connection connection) {
        return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
