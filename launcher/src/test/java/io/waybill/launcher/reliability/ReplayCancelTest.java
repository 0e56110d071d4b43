package io.waybill.launcher.reliability;

import io.waybill.launcher.ApiTestBase;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cancelled replay leaves the current read model serving, untouched, and drops its copies. The service here
 * checks replays only once an hour, so a rebuild that has caught up waits to take over until the test cancels it.
 */
class ReplayCancelTest extends ApiTestBase {

    @Override
    protected Map<String, Object> database() {
        Map<String, Object> properties = new HashMap<>(TestDatabases.embedded());
        properties.put("waybill.projections.replay-check-interval", "1h");
        return properties;
    }

    @Test
    void aCancelledReplayLeavesTheCurrentRowsServing() {
        var writer = newOrg();
        OrderTrackingScenario.write(writer, "cancel", 2);
        Projections.awaitCaughtUp(app.context());
        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        jdbc.update("UPDATE order_view SET title = 'current rows'");
        var before = Projections.snapshot(app.context()).get("order_view");
        var client = app.client("ops");

        client.post().uri("/api/ops/projections/orders/replay/cancel").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("conflict");
        client.post().uri("/api/ops/projections/orders/replay").exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.replay.status").isEqualTo("running");
        client.post().uri("/api/ops/projections/orders/replay").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.message").value(message ->
                        assertThat((String) message).contains("running already"));
        eventually().untilAsserted(() -> client.get().uri("/api/ops/projections/orders").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.replay.percent").isEqualTo(100.0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM waybill_rebuild.order_view", Integer.class))
                .isEqualTo(before.size());

        client.post().uri("/api/ops/projections/orders/replay/cancel").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.replay.status").isEqualTo("cancelled")
                .jsonPath("$.replay.finishedAt").isNotEmpty();

        assertThat(Projections.snapshot(app.context()).get("order_view")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                + "'waybill_rebuild' AND table_name = 'order_view'", Integer.class)).isZero();
        writer.get().uri("/api/orders?limit=5").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data[0].title").isEqualTo("current rows");
        client.post().uri("/api/ops/projections/orders/replay/cancel").exchange().expectStatus().isEqualTo(409);
        client.post().uri("/api/ops/projections/nope/replay").exchange().expectStatus().isNotFound();
    }
}
