package io.waybill.launcher.reliability;

import io.waybill.command.inventory.StockPostings;
import io.waybill.command.support.SideTables;
import io.waybill.launcher.WaybillApplication;
import io.waybill.launcher.api.fuzz.FuzzTargets;
import io.waybill.platform.security.TokenSecrets;
import io.waybill.testing.RunningApp;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.waybill.launcher.ApiTestBase.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's own tables (the id registry, the ledger's entry index, the number counters, the catalog's
 * references, the access tables but the users), written by commands beside their events, are derived from the
 * events: each write rides in the metadata of its command's first event. Rebuilt from the store alone they come back
 * row for row; a write lost beside stored events (a crash between the two commits) is made again from them; a write
 * no stored event carries (its events lost) is taken back, and the id, name, use or token it held is free again.
 */
abstract class SideTablesDerivationContract {

    private static final Map<String, String> TABLES = Map.of(
            "entity_registry", "SELECT id, kind, parent_id, unique_name, deleted, version FROM entity_registry "
                    + "WHERE org_id = ? ORDER BY id",
            "ledger_entry_index", "SELECT entry_id, item_id, transfer_ref FROM ledger_entry_index WHERE org_id = ? "
                    + "ORDER BY entry_id",
            "number_counter", "SELECT series, last_value FROM number_counter WHERE org_id = ? ORDER BY series",
            "catalog_reference", "SELECT target_id, referrer_id, released, version FROM catalog_reference "
                    + "WHERE org_id = ? ORDER BY target_id, referrer_id",
            "access_organisation", "SELECT org_id, name, slug, legal_name, address, city, state, country, zip_code, "
                    + "logo_url, contact_email, contact_phone, require_po_approval, deleted, created_at, updated_at, "
                    + "version FROM access_organisation WHERE org_id = ?",
            "access_membership", "SELECT user_id, role, joined_at, version FROM access_membership WHERE org_id = ? "
                    + "ORDER BY user_id",
            "access_token", "SELECT token_id, secret_hash, user_id, name, created_at, expires_at, revoked_at, "
                    + "version FROM access_token WHERE org_id = ? ORDER BY token_id");
    private static final String MEMBERS = "/api/organizations/current/members";
    private RunningApp app;
    private JdbcTemplate jdbc;
    private TrackingEventProcessor processor;

    protected abstract Map<String, Object> database();

    @BeforeEach
    void start(TestInfo test) {
        Map<String, Object> properties = new HashMap<>(database());
        // every write waits for its events to be seen stored, as with Axon Server, where a crash can come between;
        // the rebuild runs as on the JDBC store, where the processor passes over the events its process stored
        boolean rebuild = test.getTestMethod().orElseThrow().getName().startsWith("rebuilt");
        properties.put("waybill.side-tables.confirm-writes", Boolean.toString(!rebuild));
        properties.put("waybill.side-tables.sweep-every", "200ms");
        properties.put("waybill.side-tables.sweep-after", "2s");
        app = RunningApp.start(properties, WaybillApplication.class);
        jdbc = app.bean(JdbcTemplate.class);
        processor = app.bean(EventProcessingConfiguration.class)
                .eventProcessor(SideTables.PROCESSOR, TrackingEventProcessor.class).orElseThrow();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void rebuiltFromTheStoreAloneTheTablesComeBackRowForRow() {
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
        patch(owner, "/api/organizations/current", Map.of("city", "Lyon", "requirePurchaseOrderApproval", true));
        String member = addMember(owner, "rebuilt-member");
        patch(owner, MEMBERS + "/" + member, Map.of("role", "admin"));
        revoke(owner, issue(owner).get("id"));
        owner.delete().uri(MEMBERS + "/{id}", member).exchange().expectStatus().isOk();
        addMember(owner, "rebuilt-member");
        settle(StockPostings.PROCESSOR, SideTables.PROCESSOR);
        assertThat(pending(org.orgId())).isZero();
        Map<String, List<Map<String, Object>>> before = rows(org.orgId());
        assertThat(before.get("entity_registry")).hasSizeGreaterThan(20);
        assertThat(before.get("ledger_entry_index")).hasSizeGreaterThan(4);
        assertThat(before.get("number_counter")).hasSize(3);
        assertThat(before.get("catalog_reference")).extracting(row -> row.get("released")).contains(true, false);
        assertThat(before.get("access_organisation")).singleElement()
                .satisfies(row -> assertThat(row.get("city")).isEqualTo("Lyon"));
        assertThat(before.get("access_membership")).extracting(row -> row.get("role")).contains("owner", "member");
        assertThat(before.get("access_token")).filteredOn(row -> row.get("revoked_at") != null).hasSize(2);

        processor.shutDown();
        TABLES.keySet().forEach(table -> jdbc.update("DELETE FROM " + table + " WHERE org_id = ?", org.orgId()));
        processor.resetTokens();
        processor.start();

        settle(SideTables.PROCESSOR);
        assertThat(rows(org.orgId())).isEqualTo(before);
    }

    @Test
    void writesLostBesideTheirStoredEventsAreMadeAgainFromThem() {
        RunningApp.Credentials org = app.organisation("lost");
        WebTestClient owner = app.client(org);
        processor.shutDown();
        FuzzTargets seeded = FuzzTargets.seed(owner, org.orgId());
        String entry = seeded.reversibleEntries().get(FuzzTargets.MATERIALS);
        settle(StockPostings.PROCESSOR);
        String lot = "SELECT kind, parent_id, unique_name, version FROM entity_registry WHERE org_id = ? AND id = ?";
        String index = "SELECT item_id FROM ledger_entry_index WHERE org_id = ? AND entry_id = ?";
        String counters = "SELECT series, last_value FROM number_counter WHERE org_id = ? ORDER BY series";
        String uses = "SELECT target_id, referrer_id, released, version FROM catalog_reference WHERE org_id = ? "
                + "AND referrer_id = ?";
        Map<String, Object> lotRow = jdbc.queryForMap(lot, org.orgId(), seeded.splitGroup());
        Map<String, Object> indexRow = jdbc.queryForMap(index, org.orgId(), entry);
        List<Map<String, Object>> counterRows = jdbc.queryForList(counters, org.orgId());
        List<Map<String, Object>> useRows = jdbc.queryForList(uses, org.orgId(), seeded.purchaseOrder());
        assertThat(useRows).isNotEmpty();
        Map<String, String> token = issue(owner);
        revoke(owner, token.get("id"));
        patch(owner, "/api/organizations/current", Map.of("city", "Lyon"));
        Map<String, Object> organisation = jdbc.queryForMap(TABLES.get("access_organisation"), org.orgId());
        String revoked = "SELECT revoked_at, version FROM access_token WHERE token_id = ?";
        Map<String, Object> revokedRow = jdbc.queryForMap(revoked, token.get("id"));
        // what a crash between the append and the side tables' commit leaves: the events, not the rows
        jdbc.update("DELETE FROM entity_registry WHERE org_id = ? AND id = ?", org.orgId(), seeded.splitGroup());
        jdbc.update("DELETE FROM ledger_entry_index WHERE org_id = ? AND entry_id = ?", org.orgId(), entry);
        jdbc.update("UPDATE number_counter SET last_value = 0 WHERE org_id = ?", org.orgId());
        jdbc.update("DELETE FROM catalog_reference WHERE org_id = ? AND referrer_id = ?", org.orgId(),
                seeded.purchaseOrder());
        jdbc.update("DELETE FROM access_organisation WHERE org_id = ?", org.orgId());
        jdbc.update("UPDATE access_token SET revoked_at = NULL, version = 1 WHERE token_id = ?", token.get("id"));
        WebTestClient revokedClient = app.client(new RunningApp.Credentials(org.orgId(), token.get("plaintext")));
        revokedClient.get().uri("/api/orders").exchange().expectStatus().isOk();
        owner.patch().uri("/api/item-groups/{id}", seeded.splitGroup()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("uniqueName", "lot-found")).exchange().expectStatus().isNotFound();

        processor.start();

        eventually().untilAsserted(() -> {
            assertThat(jdbc.queryForList(lot, org.orgId(), seeded.splitGroup())).containsExactly(lotRow);
            assertThat(jdbc.queryForList(index, org.orgId(), entry)).containsExactly(indexRow);
            assertThat(jdbc.queryForList(counters, org.orgId())).isEqualTo(counterRows);
            assertThat(jdbc.queryForList(uses, org.orgId(), seeded.purchaseOrder())).isEqualTo(useRows);
            assertThat(jdbc.queryForList(TABLES.get("access_organisation"), org.orgId()))
                    .containsExactly(organisation);
            assertThat(jdbc.queryForList(revoked, token.get("id"))).containsExactly(revokedRow);
        });
        patch(owner, "/api/item-groups/" + seeded.splitGroup(), Map.of("uniqueName", "lot-found"));
        revokedClient.get().uri("/api/orders").exchange().expectStatus().isUnauthorized();
        owner.get().uri("/api/organizations/current").exchange().expectStatus().isOk();
    }

    @Test
    void writesNoStoredEventCarriesAreTakenBackAndWhatTheyHeldIsFree() {
        RunningApp.Credentials org = app.organisation("orphans");
        WebTestClient owner = app.client(org);
        owner.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "o-kept", "vendorName", "Acme", "uniqueName", "PO-KEPT")).exchange()
                .expectStatus().isCreated();
        eventually().untilAsserted(() -> assertThat(pending(org.orgId())).isZero());
        String ownerId = jdbc.queryForObject("SELECT user_id FROM access_token WHERE secret_hash = ?", String.class,
                TokenSecrets.hash(org.token()));
        OffsetDateTime joined = jdbc.queryForObject("SELECT joined_at FROM access_membership WHERE org_id = ? "
                + "AND user_id = ?", OffsetDateTime.class, org.orgId(), ownerId);
        String orphanSecret = TokenSecrets.newSecret();
        long longAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        // what a crash between the side tables' commit and the append leaves: writes whose events were never stored
        jdbc.update("INSERT INTO entity_registry (id, org_id, kind, parent_id, unique_name, version, pending, "
                + "written_at) VALUES ('o-orphan', ?, 'ORDER', '', 'PO-ORPHAN', 1, TRUE, ?)", org.orgId(), longAgo);
        jdbc.update("UPDATE entity_registry SET prev_version = version, prev_unique_name = unique_name, "
                + "prev_deleted = deleted, unique_name = 'PO-GONE', version = version + 1, pending = TRUE, "
                + "written_at = ? WHERE org_id = ? AND id = 'o-kept'", longAgo, org.orgId());
        jdbc.update("INSERT INTO ledger_entry_index (entry_id, org_id, item_id, transfer_ref, pending, written_at) "
                + "VALUES ('e-orphan', ?, 'some-item', 'r-orphan', TRUE, ?)", org.orgId(), longAgo);
        jdbc.update("INSERT INTO catalog_reference (target_id, referrer_id, org_id, released, version) "
                + "VALUES ('t-kept', 'r-kept', ?, FALSE, 1)", org.orgId());
        jdbc.update("UPDATE catalog_reference SET released = TRUE, version = 2, pending = TRUE, written_at = ?, "
                + "prev_version = 1, prev_released = FALSE WHERE target_id = 't-kept'", longAgo);
        jdbc.update("INSERT INTO catalog_reference (target_id, referrer_id, org_id, released, version, pending, "
                + "written_at) VALUES ('t-orphan', 'r-orphan', ?, FALSE, 1, TRUE, ?)", org.orgId(), longAgo);
        jdbc.update("INSERT INTO access_token (token_id, secret_hash, user_id, org_id, name, created_at, version, "
                + "pending, written_at) VALUES ('token-orphan', ?, ?, ?, 'orphan', CURRENT_TIMESTAMP, 1, TRUE, ?)",
                TokenSecrets.hash(orphanSecret), ownerId, org.orgId(), longAgo);
        jdbc.update("UPDATE access_membership SET role = 'viewer', version = 2, pending = TRUE, written_at = ?, "
                + "prev_row = ? WHERE org_id = ? AND user_id = ?", longAgo, "[\"1\",\"" + org.orgId() + "\",\""
                + ownerId + "\",\"owner\",\"" + joined + "\"]", org.orgId(), ownerId);

        eventually().untilAsserted(() -> assertThat(pending(org.orgId())).isZero());

        assertThat(jdbc.queryForList(TABLES.get("entity_registry"), org.orgId())).singleElement().satisfies(row -> {
            assertThat(row.get("id")).isEqualTo("o-kept");
            assertThat(row.get("unique_name")).isEqualTo("PO-KEPT");
            assertThat(((Number) row.get("version")).longValue()).isEqualTo(1);
        });
        assertThat(jdbc.queryForList(TABLES.get("ledger_entry_index"), org.orgId())).isEmpty();
        assertThat(jdbc.queryForList(TABLES.get("catalog_reference"), org.orgId())).singleElement().satisfies(row -> {
            assertThat(row.get("target_id")).isEqualTo("t-kept");
            assertThat(row.get("released")).isEqualTo(false);
            assertThat(((Number) row.get("version")).longValue()).isEqualTo(1);
        });
        for (String name : List.of("PO-ORPHAN", "PO-GONE")) {
            owner.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("vendorName", "Acme", "uniqueName", name)).exchange().expectStatus().isCreated();
        }
        owner.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "o-orphan", "vendorName", "Acme")).exchange().expectStatus().isCreated();
        assertThat(jdbc.queryForList(TABLES.get("access_membership"), org.orgId())).singleElement().satisfies(row -> {
            assertThat(row.get("role")).isEqualTo("owner");
            assertThat(((Number) row.get("version")).longValue()).isEqualTo(1);
        });
        assertThat(jdbc.queryForList("SELECT token_id FROM access_token WHERE org_id = ?", String.class,
                org.orgId())).doesNotContain("token-orphan");
        app.client(new RunningApp.Credentials(org.orgId(), orphanSecret)).get().uri("/api/orders").exchange()
                .expectStatus().isUnauthorized();
    }

    /** Waits until the processors have applied every stored event, none of them storing more meanwhile. */
    private void settle(String... processors) {
        EventStore store = app.bean(EventStore.class);
        EventProcessingConfiguration processing = app.bean(EventProcessingConfiguration.class);
        eventually().atMost(Duration.ofSeconds(60)).until(() -> {
            long head = store.createHeadToken().position().orElseThrow();
            for (String name : processors) {
                var status = processing.eventProcessor(name, TrackingEventProcessor.class).orElseThrow()
                        .processingStatus().values();
                if (status.isEmpty() || !status.stream().allMatch(segment -> segment.isCaughtUp()
                        && segment.getCurrentPosition().orElse(-1) >= head)) {
                    return false;
                }
            }
            return store.createHeadToken().position().orElseThrow() == head;
        });
    }

    private Map<String, List<Map<String, Object>>> rows(String orgId) {
        Map<String, List<Map<String, Object>>> rows = new HashMap<>();
        TABLES.forEach((table, query) -> rows.put(table, jdbc.queryForList(query, orgId)));
        return rows;
    }

    private int pending(String orgId) {
        return List.of("entity_registry", "ledger_entry_index", "catalog_reference", "access_organisation",
                "access_membership", "access_token").stream().mapToInt(table -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM " + table + " WHERE org_id = ? AND pending = TRUE", Integer.class, orgId)).sum();
    }

    /** Adds a member by e-mail, as the organisation's owner does; answers the member's user id. */
    @SuppressWarnings("unchecked")
    private static String addMember(WebTestClient owner, String name) {
        Map<String, Object> added = owner.post().uri(MEMBERS).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", name + "@example.com", "role", "member")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((Map<String, Object>) added.get("membership")).get("userId");
    }

    /** A new token of the caller: its id and its secret. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> issue(WebTestClient client) {
        Map<String, Object> issued = client.post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "second")).exchange().expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody();
        return Map.of("id", (String) ((Map<String, Object>) issued.get("token")).get("id"), "plaintext",
                (String) issued.get("plaintext"));
    }

    private static void revoke(WebTestClient client, String tokenId) {
        client.delete().uri("/api/tokens/{id}", tokenId).exchange().expectStatus().isOk();
    }

    private static void patch(WebTestClient client, String path, Map<String, Object> body) {
        client.patch().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk();
    }
}
