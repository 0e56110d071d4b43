package io.waybill.launcher.reliability;

import io.waybill.launcher.WaybillApplication;
import io.waybill.testing.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transactions are real: a projection that fails after its write leaves neither the write nor an advanced token
 * behind, and a command that fails after applying an event leaves no event behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransactionContract {

    private RunningApp app;
    private JdbcTemplate jdbc;

    protected abstract Map<String, Object> database();

    @BeforeAll
    void start() {
        // The probe's failures must make its batch fail and retry, not park the event.
        Map<String, Object> properties = new HashMap<>(database());
        properties.put("waybill.projections.policy." + RollbackProbe.GROUP, "pause");
        app = RunningApp.start(properties, WaybillApplication.class, RollbackProbe.class);
        jdbc = app.bean(JdbcTemplate.class);
    }

    protected RunningApp app() {
        return app;
    }

    @AfterAll
    void stop() {
        RollbackProbe.failing.set(false);
        app.close();
    }

    @Test
    void aProjectionFailingAfterItsWriteRollsBackTheWriteAndTheToken() {
        var client = app.client("tx-org");
        client.post().uri("/api/orders").bodyValue(Map.of("id", "calm", "vendorName", "steady"))
                .exchange().expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(20)).until(() -> probeRows("calm") == 1);

        RollbackProbe.failing.set(true);
        int failuresBefore = RollbackProbe.failures.get();
        client.post().uri("/api/orders").bodyValue(Map.of("id", "boom", "vendorName", "explode"))
                .exchange().expectStatus().isCreated();
        long failingEvent = jdbc.queryForObject(
                "SELECT globalindex FROM domainevententry WHERE aggregateidentifier LIKE '%:boom'", Long.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> RollbackProbe.failures.get() >= failuresBefore + 2);

        assertThat(probeRows("boom")).isZero();
        assertThat(tokenPositions()).as("the failing event's segment has not moved past it")
                .anySatisfy(position -> assertThat(position).isLessThan(failingEvent));

        RollbackProbe.failing.set(false);
        await().atMost(Duration.ofSeconds(60)).until(() -> probeRows("boom") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                tokenPositions().stream().allMatch(position -> position >= failingEvent));
        assertThat(probeRows("boom")).isEqualTo(1);
        assertThat(probeRows("calm")).isEqualTo(1);
    }

    @Test
    void aCommandFailingAfterItAppliedAnEventLeavesNoEventBehind() {
        var client = app.client("tx-org-2");
        client.post().uri("/api/orders").bodyValue(Map.of("id", "tx-o", "vendorName", "V"))
                .exchange().expectStatus().isCreated();
        client.post().uri("/api/items").bodyValue(Map.of("id", "tx-i", "orderId", "tx-o", "quantity", "10"))
                .exchange().expectStatus().isCreated();
        client.post().uri("/api/item-groups").bodyValue(Map.of("id", "tx-g", "itemId", "tx-i", "quantity", "10"))
                .exchange().expectStatus().isCreated();
        long eventsBefore = eventCount();

        client.post().uri("/api/item-groups/tx-g/split")
                .bodyValue(Map.of("quantities", List.of("4", "6"), "newIds", List.of("tx-o")))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("conflict");

        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier LIKE '%:tx-g'",
                Long.class)).isEqualTo(1);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
    }

    /**
     * The command side keeps aggregates cached. When another writer (a second command side) appended to one, the
     * next command sees the cached version is not the store's last and reads the stored history: it succeeds, and
     * the history has no gap and no double.
     */
    @Test
    void aCommandOnACachedAggregateThatAnotherWriterExtendedIsSentAgain() {
        var client = app.client("tx-org-3");
        client.post().uri("/api/orders").bodyValue(Map.of("id", "cached-o", "vendorName", "V"))
                .exchange().expectStatus().isCreated();
        client.patch().uri("/api/orders/cached-o").bodyValue(Map.of("title", "first"))
                .exchange().expectStatus().isOk();
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                + "metadata, payload, payloadrevision, payloadtype, timestamp) SELECT aggregateidentifier, "
                + "sequencenumber + 1, type, 'written-elsewhere', metadata, payload, payloadrevision, payloadtype, "
                + "timestamp FROM domainevententry WHERE aggregateidentifier LIKE '%:cached-o' AND sequencenumber = 1");

        client.patch().uri("/api/orders/cached-o").bodyValue(Map.of("title", "second"))
                .exchange().expectStatus().isOk();

        assertThat(jdbc.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier LIKE "
                + "'%:cached-o' ORDER BY sequencenumber", Long.class)).containsExactly(0L, 1L, 2L, 3L);
    }

    private int probeRows(String orderSid) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM probe_row WHERE order_sid = ?", Integer.class, orderSid);
    }

    /**
     * The stored position of every segment of the probe's processor (-1 when it has none yet). Segments go on
     * independently: only the one that holds the failing event's order stays behind it.
     */
    private List<Long> tokenPositions() {
        JsonMapper json = JsonMapper.builder().build();
        return jdbc.queryForList("SELECT token FROM tokenentry WHERE processorname = ?", byte[].class,
                        RollbackProbe.GROUP).stream()
                .map(token -> token == null ? -1L : json.readTree(token).path("index").asLong(-1))
                .toList();
    }
}
