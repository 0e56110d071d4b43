package io.waybill.launcher.reliability;

import io.waybill.command.registry.RegistryProjector;
import io.waybill.launcher.WaybillApplication;
import io.waybill.launcher.api.fuzz.FuzzTargets;
import io.waybill.testing.RunningApp;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.waybill.launcher.ApiTestBase.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry (ids, kinds, parents and unique names, written by commands beside their events) is derived from the
 * events: each write rides in the metadata of its command's events. Rebuilt from the store alone it comes back row for
 * row; a write lost beside stored events (a crash between the two commits) is made again from them; a write no
 * stored event carries (its events lost) is taken back, and the id or name it held is free again.
 */
abstract class RegistryDerivationContract {

    private static final String ROWS = "SELECT id, kind, parent_id, unique_name, deleted, version FROM entity_registry "
            + "WHERE org_id = ? ORDER BY id";
    private RunningApp app;
    private JdbcTemplate jdbc;
    private TrackingEventProcessor processor;

    protected abstract Map<String, Object> database();

    @BeforeEach
    void start() {
        Map<String, Object> properties = new HashMap<>(database());
        properties.put("waybill.registry.sweep-every", "200ms");
        properties.put("waybill.registry.sweep-after", "2s");
        app = RunningApp.start(properties, WaybillApplication.class);
        jdbc = app.bean(JdbcTemplate.class);
        processor = app.bean(EventProcessingConfiguration.class)
                .eventProcessor(RegistryProjector.PROCESSOR, TrackingEventProcessor.class).orElseThrow();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void rebuiltFromTheStoreAloneTheRegistryComesBackRowForRow() {
        RunningApp.Credentials org = app.organisation("rebuilt");
        WebTestClient owner = app.client(org);
        FuzzTargets seeded = FuzzTargets.seed(owner, org.orgId());
        patch(owner, "/api/orders/" + seeded.order(), Map.of("uniqueName", "PO-RENAMED"));
        patch(owner, "/api/item-groups/" + seeded.splitGroup(), Map.of("uniqueName", "lot-renamed"));
        owner.post().uri("/api/item-groups/{id}/split", seeded.splitGroup()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("quantities", List.of("1", "1"), "newUniqueNames", List.of("lot-part")))
                .exchange().expectStatus().isOk();
        owner.post().uri("/api/item-groups/combine").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("itemGroupIds", List.of(seeded.combineA(), seeded.combineB()))).exchange()
                .expectStatus().isOk();
        patch(owner, "/api/materials/" + seeded.material(), Map.of("code", "M-101"));
        owner.delete().uri("/api/skus/{id}", seeded.skuWithoutBom()).exchange().expectStatus().is2xxSuccessful();
        owner.delete().uri("/api/work-orders/{id}", seeded.workOrder()).exchange().expectStatus().is2xxSuccessful();
        eventually().untilAsserted(() -> assertThat(pending(org.orgId())).isZero());
        List<Map<String, Object>> before = jdbc.queryForList(ROWS, org.orgId());
        assertThat(before).hasSizeGreaterThan(20);

        processor.shutDown();
        jdbc.update("DELETE FROM entity_registry WHERE org_id = ?", org.orgId());
        processor.resetTokens();
        processor.start();

        long head = app.bean(EventStore.class).createHeadToken().position().orElseThrow();
        eventually().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(processor.processingStatus()
                .values()).allMatch(s -> s.isCaughtUp() && s.getCurrentPosition().orElse(-1) >= head));
        assertThat(jdbc.queryForList(ROWS, org.orgId())).isEqualTo(before);
    }

    @Test
    void aWriteLostBesideItsStoredEventsIsMadeAgainFromThem() {
        RunningApp.Credentials org = app.organisation("lost");
        WebTestClient owner = app.client(org);
        String orgId = org.orgId();
        processor.shutDown();
        owner.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "o-lost", "vendorName", "Acme")).exchange().expectStatus().isCreated();
        owner.post().uri("/api/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "i-lost", "orderId", "o-lost", "quantity", "10")).exchange()
                .expectStatus().isCreated();
        owner.post().uri("/api/item-groups").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "g-lost", "itemId", "i-lost", "quantity", "4", "uniqueName", "lot-lost"))
                .exchange().expectStatus().isCreated();
        // what a crash between the append and the registry's commit leaves: the lot's events, no row
        jdbc.update("DELETE FROM entity_registry WHERE org_id = ? AND id = ?", orgId, "g-lost");
        owner.patch().uri("/api/item-groups/g-lost").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("uniqueName", "lot-found")).exchange().expectStatus().isNotFound();

        processor.start();

        eventually().untilAsserted(() -> patch(owner, "/api/item-groups/g-lost", Map.of("uniqueName", "lot-found")));
        assertThat(jdbc.queryForObject("SELECT unique_name FROM entity_registry WHERE org_id = ? AND id = ?",
                String.class, orgId, "g-lost")).isEqualTo("lot-found");
    }

    @Test
    void aWriteNoStoredEventCarriesIsTakenBackAndWhatItHeldIsFree() {
        RunningApp.Credentials org = app.organisation("orphans");
        WebTestClient owner = app.client(org);
        owner.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "o-kept", "vendorName", "Acme", "uniqueName", "PO-KEPT")).exchange()
                .expectStatus().isCreated();
        eventually().untilAsserted(() -> assertThat(pending(org.orgId())).isZero());
        long longAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        // what a crash between the registry's commit and the append leaves: writes whose events were never stored
        jdbc.update("INSERT INTO entity_registry (id, org_id, kind, parent_id, unique_name, version, pending, "
                + "written_at) VALUES ('o-orphan', ?, 'ORDER', '', 'PO-ORPHAN', 1, TRUE, ?)", org.orgId(), longAgo);
        jdbc.update("UPDATE entity_registry SET prev_version = version, prev_unique_name = unique_name, "
                + "prev_deleted = deleted, unique_name = 'PO-GONE', version = version + 1, pending = TRUE, "
                + "written_at = ? WHERE org_id = ? AND id = 'o-kept'", longAgo, org.orgId());

        eventually().untilAsserted(() -> assertThat(pending(org.orgId())).isZero());

        assertThat(jdbc.queryForList(ROWS, org.orgId())).singleElement().satisfies(row -> {
            assertThat(row.get("id")).isEqualTo("o-kept");
            assertThat(row.get("unique_name")).isEqualTo("PO-KEPT");
            assertThat(((Number) row.get("version")).longValue()).isEqualTo(1);
        });
        for (String name : List.of("PO-ORPHAN", "PO-GONE")) {
            owner.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("vendorName", "Acme", "uniqueName", name)).exchange().expectStatus().isCreated();
        }
        owner.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "o-orphan", "vendorName", "Acme")).exchange().expectStatus().isCreated();
    }

    private int pending(String orgId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM entity_registry WHERE org_id = ? AND pending = TRUE",
                Integer.class, orgId);
    }

    private static void patch(WebTestClient client, String path, Map<String, Object> body) {
        client.patch().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk();
    }
}
