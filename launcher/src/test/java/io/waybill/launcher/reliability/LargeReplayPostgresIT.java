package io.waybill.launcher.reliability;

import io.waybill.platform.security.TokenSecrets;
import io.waybill.testing.RunningApp;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replay of a few hundred thousand events on PostgreSQL, with the service as a process of its own: while the
 * rebuild runs, reads answer from the current rows; progress rises to 100%; the process is killed (SIGKILL)
 * mid-replay and the next one finishes the replay from where the rebuild's tokens stood; the rebuilt rows equal
 * the old ones. {@code -Dwaybill.replay.orders=N} sets the number of orders (two events each).
 */
class LargeReplayPostgresIT {

    private static final int ORDERS = Integer.getInteger("waybill.replay.orders", 150_000);

    /** The services' logs, kept in the build folder to read after a run. */
    private final Path logs = Path.of("target", "large-replay");

    @Test
    void aReplayServesTheOldRowsMeanwhileSurvivesAKillAndRebuildsTheSameRows() throws Exception {
        Files.createDirectories(logs);
        String database = TestDatabases.createPostgresDatabase();
        long started = System.nanoTime();
        ServiceProcess first = start(database, logs.resolve("first.log"));
        ServiceProcess second = null;
        try {
            first.awaitUp();
            RunningApp.Credentials owner = owner(database);
            assertThat(first.send("POST", "/api/orders", owner, "{\"id\":\"tpl-order\",\"vendorName\":\"Acme\","
                    + "\"uniqueName\":\"PO-tpl-order\",\"title\":\"first title\"}").statusCode()).isEqualTo(201);
            assertThat(first.send("PATCH", "/api/orders/tpl-order", owner, "{\"title\":\"second title\"}")
                    .statusCode()).isEqualTo(200);
            long events = cloneTemplateOrder(database);
            assertThat(events).isGreaterThanOrEqualTo(2L * ORDERS);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> count(database, "SELECT COUNT(*) FROM order_view") == ORDERS + 1);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                    .until(() -> first.json("/api/ops/projections/orders", owner).path("lagEvents").asLong() == 0);
            String before = fingerprint(database);
            phase("events written and projected", events, started);
            long replayStarted = System.nanoTime();

            assertThat(first.send("POST", "/api/ops/projections/orders/replay", owner, "").statusCode())
                    .isEqualTo(202);
            List<Double> progress = new ArrayList<>();
            long doneBeforeKill = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> readsAnswerTheOldRows(first, owner, database, progress),
                            done -> done >= 2L * ORDERS / 4);
            assertThat(progress).isSorted();
            first.kill();
            phase("replay under way, killed at " + doneBeforeKill + " events rebuilt", events, replayStarted);

            second = start(database, logs.resolve("second.log"));
            ServiceProcess restarted = second;
            restarted.awaitUp();
            long doneAfterRestart = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> readsAnswerTheOldRows(restarted, owner, database, new ArrayList<>()),
                            done -> done > 0);
            assertThat(doneAfterRestart).as("the replay goes on from its tokens, not from zero")
                    .isGreaterThanOrEqualTo(doneBeforeKill - 2_000);
            List<Double> resumed = new ArrayList<>();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
                JsonNode replay = restarted.json("/api/ops/projections/orders", owner).path("replay");
                if (replay.path("percent").isNumber()) {
                    resumed.add(replay.path("percent").asDouble());
                }
                return replay.path("status").asString().equals("done");
            });
            assertThat(resumed).isSorted();
            assertThat(resumed.get(resumed.size() - 1)).isEqualTo(100.0);
            assertThat(restarted.json("/api/ops/projections/orders", owner).path("replay").path("percent")
                    .asDouble()).isEqualTo(100.0);
            phase("replay resumed at " + doneAfterRestart + " events and done", events, replayStarted);
            assertThat(fingerprint(database)).as("the rebuilt rows equal the old ones").isEqualTo(before);
            assertThat(count(database, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                    + "'waybill_rebuild' AND table_name = 'order_view'")).as("the copy is dropped").isZero();
        } finally {
            first.kill();
            if (second != null) {
                second.kill();
            }
        }
    }

    /** The whole service (both sides) on the test database, with the owner token of the tests. */
    private static ServiceProcess start(String database, Path log) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                "--waybill.security.bootstrap.token=" + RunningApp.ROOT_TOKEN,
                "--waybill.security.rate-limit.requests-per-second=0",
                // the live projection first catches up with the written events: in large batches, as a replay
                "--waybill.projections.batch-size=500"));
        TestDatabases.postgres(database).forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return ServiceProcess.start(log, arguments);
    }

    private static void phase(String what, long events, long since) {
        System.out.printf("large replay of %,d events: %s after %.1f s%n", events, what,
                (System.nanoTime() - since) / 1e9);
    }

    /**
     * One look while a replay runs: a read of the order answers with its current row, the table still holds every
     * order, and the replay's progress is noted. Answers the events rebuilt so far (0 while unknown).
     */
    private long readsAnswerTheOldRows(ServiceProcess service, RunningApp.Credentials owner, String database,
                                       List<Double> progress) throws Exception {
        JsonNode order = service.json("/api/orders/bulk-77", owner);
        assertThat(order.path("title").asString()).isEqualTo("second title");
        assertThat(count(database, "SELECT COUNT(*) FROM order_view")).isEqualTo(ORDERS + 1);
        JsonNode replay = service.json("/api/ops/projections/orders", owner).path("replay");
        assertThat(replay.path("status").asString()).isEqualTo("running");
        if (!replay.path("eventsDone").isNumber()) {
            return 0;
        }
        progress.add(replay.path("percent").asDouble());
        return replay.path("eventsDone").asLong();
    }

    /** Copies of the template order's two events under new sids, written straight into the event store. */
    private static long cloneTemplateOrder(String database) throws SQLException {
        try (Connection connection = TestDatabases.connect(database)) {
            connection.createStatement().executeUpdate("INSERT INTO domainevententry (aggregateidentifier, "
                    + "sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, "
                    + "timestamp) SELECT replace(e.aggregateidentifier, 'tpl-order', 'bulk-' || g), e.sequencenumber, "
                    + "e.type, gen_random_uuid()::text, e.metadata, "
                    + "convert_to(replace(convert_from(e.payload, 'UTF8'), 'tpl-order', 'bulk-' || g), 'UTF8'), "
                    + "e.payloadrevision, e.payloadtype, e.timestamp FROM generate_series(1, " + ORDERS + ") g "
                    + "CROSS JOIN domainevententry e WHERE e.aggregateidentifier LIKE '%:tpl-order' "
                    + "ORDER BY g, e.sequencenumber");
        }
        return count(database, "SELECT COUNT(*) FROM domainevententry");
    }

    private static String fingerprint(String database) throws SQLException {
        try (Connection connection = TestDatabases.connect(database);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) || ':' || md5(string_agg(o::text, '|' ORDER BY o.sid)) FROM order_view o")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long count(String database, String sql) throws SQLException {
        try (Connection connection = TestDatabases.connect(database);
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static RunningApp.Credentials owner(String database) throws SQLException {
        try (Connection connection = TestDatabases.connect(database);
             var statement = connection.prepareStatement("SELECT org_id FROM access_token WHERE secret_hash = ?")) {
            statement.setString(1, TokenSecrets.hash(RunningApp.ROOT_TOKEN));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new RunningApp.Credentials(rows.getString(1), RunningApp.ROOT_TOKEN);
            }
        }
    }
}
