package io.waybill.launcher.ops;

import io.waybill.launcher.reliability.Projections;
import io.waybill.testing.RunningApp;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection that fails on an event parks it, with its error, and goes on with every other aggregate's events;
 * the later events of the failing aggregate wait behind it. Ops retry or evict parked events, each organisation
 * only its own.
 */
abstract class DeadLetterContract extends OpsTestSupport {

    private RunningApp.Credentials org;
    private WebTestClient owner;

    @Override
    protected Class<?>[] extraSources() {
        return new Class<?>[]{PartialWriteProbe.class};
    }

    @BeforeAll
    void organisation() {
        org = app.organisation(newId("dead-letters"));
        owner = app.client(org);
    }

    @Test
    void aPoisonedOrderIsParkedWhileOthersGoOnAndARetryAfterTheFixAppliesItsSequenceInOrder() {
        String poisoned = newId("poisoned");
        poison("no_poison", poisoned);
        String before = newId("before");
        String after = newId("after");
        createOrder(owner, before, "fine");
        createOrder(owner, poisoned, "poison");
        patch(owner, "/api/orders/" + poisoned, body("title", "renamed")).expectStatus().isOk();
        createOrder(owner, after, "fine too");

        // each order is its own sequence, possibly in another segment: the one in the poisoned order's batch is
        // applied once that batch is retried with the poisoned events parked, later than the others
        for (String fine : List.of(before, after)) {
            eventually().untilAsserted(() -> owner.get().uri("/api/orders/" + fine).exchange().expectStatus().isOk());
        }
        owner.get().uri("/api/orders/" + poisoned).exchange().expectStatus().isNotFound();
        List<Map<String, Object>> parked = awaitParked(poisoned, 2);
        assertThat(parked).extracting(letter -> letter.get("eventType"))
                .containsExactly("OrderCreated", "OrderDetailsChanged");
        assertThat(parked).extracting(letter -> letter.get("positionInSequence")).containsExactly(0, 1);
        assertThat(parked.get(0)).containsEntry("projection", "orders").containsEntry("aggregateId", poisoned)
                .containsEntry("retries", 0);
        assertThat(read(json(parked.get(0)), "$.cause.message").toString()).containsIgnoringCase("no_poison");
        assertThat(readinessStatus()).as(readiness()).isEqualTo(200);
        String status = text(owner.get().uri("/api/ops/projections/orders").exchange(), 200);
        assertThat((String) read(status, "$.state")).isEqualTo("running");
        assertThat((Integer) read(status, "$.deadLetters")).isGreaterThanOrEqualTo(2);
        assertThat((String) read(status, "$.lastError.message")).containsIgnoringCase("no_poison");

        String head = (String) parked.get(0).get("id");
        String behind = (String) parked.get(1).get("id");
        String stillFailing = text(post(owner, "/api/ops/dead-letters/" + head + "/retry", Map.of()), 200);
        assertThat((String) read(stillFailing, "$.outcome")).isEqualTo("parked");
        assertThat((Integer) read(stillFailing, "$.parked[0].retries")).isEqualTo(1);
        assertThat((List<String>) read(stillFailing, "$.parked[*].id")).containsExactly(head, behind);

        jdbc.execute("ALTER TABLE order_view DROP CONSTRAINT no_poison");
        String applied = text(post(owner, "/api/ops/dead-letters/" + behind + "/retry", Map.of()), 200);
        assertThat((String) read(applied, "$.outcome")).isEqualTo("applied");
        assertThat((List<?>) read(applied, "$.parked")).isEmpty();
        owner.get().uri("/api/orders/" + poisoned).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("renamed");
        assertThat(letters(poisoned)).isEmpty();
        owner.get().uri("/api/ops/dead-letters/" + head).exchange().expectStatus().isNotFound();
    }

    /**
     * The item-groups projection writes a batch's rows together as the batch commits: a row refused then fails
     * the batch, whose retry writes event by event and parks the refused lot's events alone.
     */
    @Test
    void aLotRefusedWhenItsBatchIsWrittenIsParkedAloneAndTheOthersAreApplied() {
        jdbc.execute("ALTER TABLE item_group_view ADD CONSTRAINT no_poison_lot CHECK (tracking_number <> 'poison')");
        try {
            String order = newId("lots");
            String item = newId("lot-item");
            createOrder(owner, order, "lots");
            post(owner, "/api/items", body("id", item, "orderId", order, "quantity", "10", "title", "Part"))
                    .expectStatus().isCreated();
            String before = newId("lot-before");
            String poisoned = newId("lot-poisoned");
            String after = newId("lot-after");
            for (String lot : List.of(before, poisoned, after)) {
                post(owner, "/api/item-groups", body("id", lot, "itemId", item, "quantity", "1",
                        "trackingNumber", lot.equals(poisoned) ? "poison" : "fine")).expectStatus().isCreated();
            }
            patch(owner, "/api/item-groups/" + poisoned, body("shipped", true)).expectStatus().isOk();
            patch(owner, "/api/item-groups/" + before, body("shipped", true)).expectStatus().isOk();

            List<Map<String, Object>> parked = awaitParked(poisoned, 2);
            assertThat(parked).extracting(letter -> letter.get("eventType"))
                    .containsExactly("ItemGroupCreated", "ItemGroupShipped");
            assertThat(parked.get(0)).containsEntry("projection", "item-groups");
            assertThat(read(json(parked.get(0)), "$.cause.message").toString()).containsIgnoringCase("no_poison_lot");
            eventually().untilAsserted(() -> owner.get().uri("/api/item-groups/" + before).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.shipped").isEqualTo(true));
            owner.get().uri("/api/item-groups/" + after).exchange().expectStatus().isOk();
            owner.get().uri("/api/item-groups/" + poisoned).exchange().expectStatus().isNotFound();
        } finally {
            jdbc.execute("ALTER TABLE item_group_view DROP CONSTRAINT no_poison_lot");
        }
    }

    @Test
    void evictingDropsTheLetterAndTheOnesBehindItStayParkedUntilRetried() {
        String poisoned = newId("evicted");
        poison("no_poison_evict", poisoned);
        // held while both events are written, the projection reads them in one batch: the row is written once, at
        // the batch's commit, and refused there; the batch's retry parks both events
        Projections.whileStopped(app.context(), "orders", () -> {
            createOrder(owner, poisoned, "poison-evict");
            patch(owner, "/api/orders/" + poisoned, body("title", "renamed")).expectStatus().isOk();
        });
        List<Map<String, Object>> parked = awaitParked(poisoned, 2);
        String first = (String) parked.get(0).get("id");
        String second = (String) parked.get(1).get("id");

        String evicted = text(post(owner, "/api/ops/dead-letters/" + first + "/evict", Map.of()), 200);
        assertThat((String) read(evicted, "$.outcome")).isEqualTo("evicted");
        assertThat((List<String>) read(evicted, "$.parked[*].id")).containsExactly(second);
        assertThat(letters(poisoned)).extracting(letter -> letter.get("id")).containsExactly(second);
        assertThat(letters(poisoned).get(0)).containsEntry("positionInSequence", 0);

        jdbc.execute("ALTER TABLE order_view DROP CONSTRAINT no_poison_evict");
        String applied = text(post(owner, "/api/ops/dead-letters/" + second + "/retry", Map.of()), 200);
        assertThat((String) read(applied, "$.outcome")).isEqualTo("applied");
        assertThat(letters(poisoned)).isEmpty();
        // The creation was dropped, so the rename had no row to change.
        owner.get().uri("/api/orders/" + poisoned).exchange().expectStatus().isNotFound();
    }

    @Test
    void aHandlerThatFailsAfterItsWriteParksTheEventWithoutItsWrite() {
        String failing = newId("half");
        String calm = newId("calm");
        post(owner, "/api/orders", body("id", failing, "vendorName", PartialWriteProbe.VENDOR))
                .expectStatus().isCreated();
        createOrder(owner, calm, "calm");
        List<Map<String, Object>> parked = awaitParked(failing, 1);
        eventually().until(() -> probeRows(calm) == 1);
        assertThat(parked.get(0)).containsEntry("projection", PartialWriteProbe.GROUP);
        assertThat(probeRows(failing)).as("the failing handler's write is rolled back with it").isZero();

        PartialWriteProbe.failing.set(false);
        try {
            String applied = text(post(owner, "/api/ops/dead-letters/" + parked.get(0).get("id") + "/retry",
                    Map.of()), 200);
            assertThat((String) read(applied, "$.outcome")).isEqualTo("applied");
        } finally {
            PartialWriteProbe.failing.set(true);
        }
        assertThat(probeRows(failing)).isEqualTo(1);
    }

    @Test
    void anotherOrganisationSeesNoneOfTheLettersAndAViewerIsRefused() {
        jdbc.execute("ALTER TABLE order_view ADD CONSTRAINT no_poison_tenant CHECK (title <> 'poison-tenant')");
        try {
            String poisoned = newId("tenant");
            createOrder(owner, poisoned, "poison-tenant");
            String id = (String) awaitParked(poisoned, 1).get(0).get("id");
            WebTestClient stranger = app.client(newId("stranger"));

            String theirs = text(stranger.get().uri("/api/ops/dead-letters?limit=500").exchange(), 200);
            assertThat((List<?>) read(theirs, "$.data")).isEmpty();
            for (String path : List.of("/retry", "/evict")) {
                assertThat(text(post(stranger, "/api/ops/dead-letters/" + id + path, Map.of()), 404))
                        .contains("not_found");
            }
            stranger.get().uri("/api/ops/dead-letters/" + id).exchange().expectStatus().isNotFound();
            WebTestClient viewer = member(org, "viewer");
            viewer.get().uri("/api/ops/dead-letters").exchange().expectStatus().isForbidden();
            post(viewer, "/api/ops/dead-letters/" + id + "/retry", Map.of()).expectStatus().isForbidden();
            assertThat(letters(poisoned)).hasSize(1);
        } finally {
            jdbc.execute("ALTER TABLE order_view DROP CONSTRAINT no_poison_tenant");
        }
    }

    @Test
    void theListIsPagedWithCursors() {
        jdbc.execute("ALTER TABLE order_view ADD CONSTRAINT no_poison_pages CHECK (title <> 'poison-pages')");
        try {
            RunningApp.Credentials own = app.organisation(newId("pages"));
            WebTestClient client = app.client(own);
            for (int i = 0; i < 3; i++) {
                createOrder(client, newId("paged"), "poison-pages");
            }
            eventually().until(() -> all(client, "orders").size() == 3);
            String first = text(client.get().uri("/api/ops/dead-letters?projection=orders&limit=2").exchange(), 200);
            assertThat((List<?>) read(first, "$.data")).hasSize(2);
            String cursor = read(first, "$.nextCursor");
            String second = text(client.get().uri("/api/ops/dead-letters?projection=orders&limit=2&cursor=" + cursor)
                    .exchange(), 200);
            assertThat((List<?>) read(second, "$.data")).hasSize(1);
            assertThat((Object) read(second, "$.nextCursor")).isNull();
            assertThat(all(client, "items")).isEmpty();
        } finally {
            jdbc.execute("ALTER TABLE order_view DROP CONSTRAINT no_poison_pages");
        }
    }

    /**
     * Makes the order's row refuse to be written, whatever its title: a batch that holds the order's creation and its
     * rename writes the row once, renamed, so a constraint on the first title alone may never be hit.
     */
    private void poison(String constraint, String orderId) {
        jdbc.execute("ALTER TABLE order_view ADD CONSTRAINT " + constraint + " CHECK (sid <> '" + orderId + "')");
    }

    private List<Map<String, Object>> awaitParked(String aggregateId, int count) {
        try {
            eventually().until(() -> letters(aggregateId).size() == count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(count + " parked events of " + aggregateId + " awaited; " + state(aggregateId), e);
        }
        return letters(aggregateId);
    }

    /** What the event store, the queue, the read model and the processors hold: why a wait ran out. */
    private String state(String aggregateId) {
        String stream = "%" + aggregateId;
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("events", query("SELECT globalindex, sequencenumber, payloadtype FROM domainevententry "
                + "WHERE aggregateidentifier LIKE ? ORDER BY globalindex", stream));
        state.put("head", query("SELECT MAX(globalindex) AS head FROM domainevententry"));
        state.put("letters", query("SELECT processinggroup, sequenceindex, payloadtype, causetype "
                + "FROM deadletterentry WHERE sequenceidentifier LIKE ? ORDER BY sequenceindex", stream));
        state.put("rows", query("SELECT org_id, title, last_seq FROM order_view WHERE sid = ?", aggregateId));
        state.put("processors", processors());
        var listing = owner.get().uri("/api/ops/dead-letters?limit=500").exchange().expectBody(String.class)
                .returnResult();
        state.put("listing", listing.getStatus() + " " + listing.getResponseBody());
        return state.toString();
    }

    private Object query(String sql, Object... args) {
        try {
            return jdbc.queryForList(sql, args);
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /** Each segment of the projections the tests park events of: its token, and its error if it is backing off. */
    private Map<String, String> processors() {
        Map<String, String> segments = new TreeMap<>();
        for (String name : List.of("orders", "item-groups", PartialWriteProbe.GROUP)) {
            Projections.processor(app.context(), name).processingStatus().forEach((segment, status) ->
                    segments.put(name + "/" + segment,
                            status.getTrackingToken() + (status.isErrorState() ? " " + status.getError() : "")));
        }
        return segments;
    }

    private List<Map<String, Object>> letters(String aggregateId) {
        return all(owner, null).stream().filter(letter -> aggregateId.equals(letter.get("sequence"))).toList();
    }

    private static List<Map<String, Object>> all(WebTestClient client, String projection) {
        String query = projection == null ? "" : "&projection=" + projection;
        return read(text(client.get().uri("/api/ops/dead-letters?limit=500" + query).exchange(), 200), "$.data");
    }

    private int probeRows(String orderSid) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM partial_probe_row WHERE order_sid = ?", Integer.class,
                orderSid);
    }

    private static String json(Object value) {
        return new tools.jackson.databind.json.JsonMapper().writeValueAsString(value);
    }
}
