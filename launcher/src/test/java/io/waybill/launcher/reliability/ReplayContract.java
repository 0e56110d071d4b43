package io.waybill.launcher.reliability;

import io.waybill.launcher.ApiTestBase;
import io.waybill.platform.axon.ChecksKept;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models are rebuilt from the event store alone: a replay gives the very same rows, even after the rows
 * were damaged, and takes over from the damaged ones once it has caught up.
 */
abstract class ReplayContract extends ApiTestBase {

    @Test
    void replayingTheProjectionsGivesTheSameRows() {
        OrderTrackingScenario.write(newOrg(), "replay", 4);
        StockScenario.write(newOrg());
        Projections.awaitCaughtUp(app.context());
        var before = Projections.snapshot(app.context());
        assertThat(before.get("item_group_view")).hasSizeGreaterThan(10);

        app.bean(JdbcTemplate.class).update("UPDATE item_group_view SET quantity = 0, shipped = FALSE");
        app.bean(JdbcTemplate.class).update("DELETE FROM order_view");
        app.bean(JdbcTemplate.class).update("UPDATE inventory_balance SET on_hand = on_hand + 1");
        app.bean(JdbcTemplate.class).update("DELETE FROM catalog_view");

        var client = app.client("ops");
        for (String projection : Projections.names(app.context())) {
            assertThat(((AbstractEventProcessor) Projections.processor(app.context(), projection))
                    .eventHandlerInvoker()).as(projection).isInstanceOf(ChecksKept.class);
            client.post().uri("/api/ops/projections/" + projection + "/replay").exchange()
                    .expectStatus().isAccepted()
                    .expectBody().jsonPath("$.name").isEqualTo(projection)
                    .jsonPath("$.replay.status").isEqualTo("running");
        }
        for (String projection : Projections.names(app.context())) {
            eventually().untilAsserted(() -> client.get().uri("/api/ops/projections/" + projection).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.replay.status").isEqualTo("done"));
        }
        Projections.awaitCaughtUp(app.context());
        client.get().uri("/api/ops/projections/item-groups").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.lagEvents").isEqualTo(0).jsonPath("$.running").isEqualTo(true);

        assertThat(Projections.snapshot(app.context())).isEqualTo(before);
    }
}
