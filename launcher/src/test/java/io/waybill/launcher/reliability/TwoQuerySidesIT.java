package io.waybill.launcher.reliability;

import com.jayway.jsonpath.JsonPath;
import io.waybill.command.CommandSideApplication;
import io.waybill.query.QuerySideApplication;
import io.waybill.testing.RunningApp;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The PostgreSQL way to run: one command side and two query sides as separate applications on one database.
 * The query sides share the projections' segments between them by themselves, and every event is applied
 * exactly once, also when one of them stops and the other takes its segments over.
 */
class TwoQuerySidesIT {

    @Test
    void twoQuerySidesShareTheWorkAndApplyEveryEventExactlyOnce() throws Exception {
        String database = TestDatabases.createPostgresDatabase();
        try (RunningApp commands = RunningApp.start(CommandSideApplication.class, TestDatabases.postgres(database));
             Connection connection = TestDatabases.connect(database)) {
            connection.createStatement().execute(
                    "CREATE TABLE applied_event (event_id VARCHAR(64) NOT NULL, node VARCHAR(16) NOT NULL)");
            RunningApp queryA = RunningApp.start(querySide(database, "a"), QuerySideApplication.class,
                    AppliedEventRecorder.class);
            RunningApp queryB = RunningApp.start(querySide(database, "b"), QuerySideApplication.class,
                    AppliedEventRecorder.class);
            awaitOneSegmentEach(queryA, queryB);
            JdbcTemplate jdbc = queryA.bean(JdbcTemplate.class);
            var client = commands.client("shared-org");

            OrderTrackingScenario.write(client, "first", 6);
            awaitEveryItemGroupEventApplied(jdbc);
            assertThat(jdbc.queryForList("SELECT DISTINCT node FROM applied_event ORDER BY node", String.class))
                    .containsExactly("a", "b");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String status = queryA.root().get().uri("/api/ops/projections/item-groups").exchange()
                        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
                assertThat(JsonPath.<List<String>>read(status, "$.segments[*].owner"))
                        .as("each segment with the query side holding it")
                        .containsExactlyInAnyOrder("query-a", "query-b");
                assertThat(JsonPath.<List<Boolean>>read(status, "$.segments[*].heldHere"))
                        .containsExactlyInAnyOrder(true, false);
            });

            stopProjections(queryB);
            OrderTrackingScenario.write(client, "second", 6);
            awaitEveryItemGroupEventApplied(jdbc);

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM applied_event", Long.class))
                    .isEqualTo(itemGroupEvents(jdbc));
            assertThat(jdbc.queryForObject(
                    "SELECT COUNT(*) FROM (SELECT event_id FROM applied_event GROUP BY event_id HAVING COUNT(*) > 1) d",
                    Long.class)).isZero();
            queryA.client("shared-org").get().uri("/api/item-groups?limit=500").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.data.length()").isEqualTo(liveItemGroups(jdbc));
            queryA.close();
            queryB.close();
        }
    }

    private static Map<String, Object> querySide(String database, String node) {
        Map<String, Object> properties = new HashMap<>(TestDatabases.postgres(database));
        properties.put("test.node", node);
        properties.put("waybill.projections.node-id", "query-" + node);
        properties.put("waybill.projections.balance-interval", "1s");
        return properties;
    }

    /**
     * The node stops projecting and gives up its segments, as a stopping process does. (Closing a second Spring
     * context in this JVM would also stop the shared Netty resources of the others.)
     */
    private static void stopProjections(RunningApp node) {
        Projections.names(node.context()).forEach(name -> Projections.processor(node.context(), name).shutDown());
    }

    /** The balancer shares the two segments: each node ends up holding one. */
    private static void awaitOneSegmentEach(RunningApp a, RunningApp b) {
        var first = Projections.processor(a.context(), "item-groups");
        var second = Projections.processor(b.context(), "item-groups");
        await().atMost(Duration.ofSeconds(60)).until(() -> first.processingStatus().size() == 1
                && second.processingStatus().size() == 1);
    }

    private static void awaitEveryItemGroupEventApplied(JdbcTemplate jdbc) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT event_id) FROM applied_event", Long.class))
                        .isEqualTo(itemGroupEvents(jdbc)));
    }

    private static long itemGroupEvents(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE type = 'ItemGroup'", Long.class);
    }

    private static int liveItemGroups(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM item_group_view WHERE deleted = FALSE", Integer.class);
    }
}
