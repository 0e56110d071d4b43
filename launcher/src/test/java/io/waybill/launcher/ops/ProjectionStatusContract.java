package io.waybill.launcher.ops;

import io.waybill.testing.RunningApp;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection under the {@code pause} policy stands still on an event it fails on: its state is {@code error},
 * readiness is DOWN and its lag grows, in events and in time; after the fix it catches up by itself. The status
 * names who holds each segment, and the lag shows in the metrics.
 */
abstract class ProjectionStatusContract extends OpsTestSupport {

    static final String NODE = "status-node";

    @Override
    protected Map<String, Object> settings() {
        return Map.of("waybill.projections.policy.orders", "pause", "waybill.projections.node-id", NODE);
    }

    @Test
    void aPausedProjectionIsInErrorWithReadinessDownAndLagInEventsAndTimeUntilTheFix() {
        RunningApp.Credentials org = app.organisation(newId("status"));
        WebTestClient owner = app.client(org);
        String calm = newId("calm");
        createOrder(owner, calm, "calm");
        eventually().untilAsserted(() -> owner.get().uri("/api/orders/" + calm).exchange().expectStatus().isOk());
        eventually().untilAsserted(() -> {
            String status = text(owner.get().uri("/api/ops/projections/orders").exchange(), 200);
            assertThat((Integer) read(status, "$.lagEvents")).isZero();
            assertThat((Integer) read(status, "$.lagMillis")).isZero();
            assertThat((String) read(status, "$.state")).isEqualTo("running");
        });
        assertThat(readinessStatus()).as(readiness()).isEqualTo(200);

        jdbc.execute("ALTER TABLE order_view ADD CONSTRAINT no_pause_poison CHECK (title <> 'poison')");
        String poisoned = newId("paused");
        createOrder(owner, poisoned, "poison");
        String later = newId("later");
        createOrder(owner, later, "fine");
        eventually().untilAsserted(() -> {
            String status = text(owner.get().uri("/api/ops/projections/orders").exchange(), 200);
            assertThat((String) read(status, "$.state")).isEqualTo("error");
            assertThat((Integer) read(status, "$.lagEvents")).isPositive();
            assertThat(((Number) read(status, "$.lagMillis")).longValue()).isPositive();
            assertThat((String) read(status, "$.lastError.message")).containsIgnoringCase("no_pause_poison");
            assertThat((String) read(status, "$.policy")).isEqualTo("pause");
        });
        eventually().untilAsserted(() -> assertThat(readinessStatus()).isEqualTo(503));
        assertThat(readiness()).contains("\"failing\":[\"orders\"]");
        owner.get().uri("/api/orders/" + poisoned).exchange().expectStatus().isNotFound();
        String all = text(owner.get().uri("/api/ops/projections").exchange(), 200);
        assertThat((List<String>) read(all, "$.data[?(@.name == 'items')].state")).containsExactly("running");
        assertThat((List<String>) read(all, "$.data[?(@.name == 'items')].tables[*]"))
                .as("the tables a replay rebuilds").containsExactly("item_view");
        assertThat((List<List<String>>) read(all, "$.data[?(@.name == 'stock-postings')].tables"))
                .as("a process that keeps no table").containsExactly(List.of());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deadletterentry WHERE processinggroup = 'orders'",
                Integer.class)).as("nothing parked under pause").isZero();

        jdbc.execute("ALTER TABLE order_view DROP CONSTRAINT no_pause_poison");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> owner.get().uri("/api/orders/" + poisoned).exchange().expectStatus().isOk());
        // written after the poisoned order: in its segment it is applied in the same batch or the next one
        eventually().untilAsserted(() -> owner.get().uri("/api/orders/" + later).exchange().expectStatus().isOk());
        eventually().untilAsserted(() -> {
            String status = text(owner.get().uri("/api/ops/projections/orders").exchange(), 200);
            assertThat((String) read(status, "$.state")).isEqualTo("running");
            assertThat((Integer) read(status, "$.lagEvents")).isZero();
            assertThat((Integer) read(status, "$.lagMillis")).isZero();
        });
        eventually().untilAsserted(() -> assertThat(readinessStatus()).isEqualTo(200));
    }

    @Test
    void theStatusNamesEverySegmentWithItsOwnerAndPosition() {
        WebTestClient owner = app.client(app.organisation(newId("owners")));
        createOrder(owner, newId("o"), "t");
        eventually().untilAsserted(() -> {
            String status = text(owner.get().uri("/api/ops/projections/items").exchange(), 200);
            assertThat((List<String>) read(status, "$.segments[*].owner")).containsExactly(NODE, NODE);
            assertThat((List<Integer>) read(status, "$.segments[*].segment")).containsExactly(0, 1);
            assertThat((List<Boolean>) read(status, "$.segments[*].heldHere")).containsExactly(true, true);
            assertThat(((Number) read(status, "$.headPosition")).longValue()).isPositive();
            assertThat((List<Number>) read(status, "$.segments[*].position"))
                    .allSatisfy(position -> assertThat(position.longValue()).isGreaterThanOrEqualTo(0));
        });
    }

    /**
     * A position means every event up to it is applied, also the events the projection has no handler for: a
     * projection that handles none of an order's events is not behind them (on Axon Server this takes every event
     * being delivered, see the {@code axonserver} profile).
     */
    @Test
    void aProjectionThatHandlesNoneOfTheNewEventsIsNotBehindThem() {
        WebTestClient owner = app.client(app.organisation(newId("unhandled")));
        createOrder(owner, newId("u"), "t");
        long head = ((Number) read(text(owner.get().uri("/api/ops/projections/work-orders").exchange(), 200),
                "$.headPosition")).longValue();
        for (String projection : List.of("work-orders", "catalog")) {
            eventually().untilAsserted(() -> {
                String status = text(owner.get().uri("/api/ops/projections/" + projection).exchange(), 200);
                assertThat((List<Number>) read(status, "$.segments[*].position")).as(projection)
                        .allSatisfy(position -> assertThat(position.longValue()).isGreaterThanOrEqualTo(head));
                assertThat((Integer) read(status, "$.lagEvents")).as(projection).isZero();
            });
        }
    }

    @Test
    void prometheusShowsTheLagOfEveryProjectionAndTheHttpRequests() {
        WebTestClient owner = app.client(app.organisation(newId("metrics")));
        createOrder(owner, newId("m"), "t");
        owner.get().uri("/api/orders").exchange().expectStatus().isOk();
        String scrape = app.client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        for (String projection : io.waybill.launcher.reliability.Projections.names(app.context())) {
            assertThat(scrape).contains("waybill_projection_lag_events{projection=\"" + projection + "\"}")
                    .contains("waybill_projection_lag_seconds{projection=\"" + projection + "\"}")
                    .contains("waybill_projection_dead_letters{projection=\"" + projection + "\"}");
        }
        assertThat(scrape).contains("http_server_requests_seconds_bucket{")
                .contains("uri=\"/api/orders\"");
    }
}
