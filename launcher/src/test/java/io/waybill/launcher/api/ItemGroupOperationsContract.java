package io.waybill.launcher.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk updates, splitting, combining, and optimistic concurrency with {@code If-Match}. */
abstract class ItemGroupOperationsContract extends ApiContractSupport {

    @Test
    void bulkUpdateAppliesGoodRowsAndReportsEachBadOne() {
        WebTestClient client = newOrg();
        String a = createOrderItemAndGroup(client, "10");
        String b = createOrderItemAndGroup(client, "10");
        post(client, "/api/item-groups/bulk-update", body("rows", List.of(
                body("id", a, "version", 1, "trackingNumber", "TRK-A"),
                body("id", "missing", "trackingNumber", "x"),
                body("id", b, "quantity", 5),
                body("id", b, "version", 7, "trackingNumber", "TRK-B"),
                body("id", b, "colour", "red"),
                body("trackingNumber", "no sid"),
                body("id", b, "shipped", true))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(7)
                .jsonPath("$.data[0].index").isEqualTo(0)
                .jsonPath("$.data[0].status").isEqualTo("updated")
                .jsonPath("$.data[0].id").isEqualTo(a)
                .jsonPath("$.data[1].status").isEqualTo("failed")
                .jsonPath("$.data[1].error.code").isEqualTo("not_found")
                .jsonPath("$.data[2].error.code").isEqualTo("validation_failed")
                .jsonPath("$.data[2].error.details.fields.quantity").isNotEmpty()
                .jsonPath("$.data[3].error.code").isEqualTo("conflict")
                .jsonPath("$.data[3].error.details.currentVersion").isEqualTo(1)
                .jsonPath("$.data[4].error.details.fields.colour").isEqualTo("unknown field")
                .jsonPath("$.data[5].index").isEqualTo(5)
                .jsonPath("$.data[5].error.details.fields.id").isNotEmpty()
                .jsonPath("$.data[6].status").isEqualTo("updated")
                .jsonPath("$.data[6].id").isEqualTo(b);

        assertThat(eventTypes(client, "/api/item-groups/" + a + "/events"))
                .containsExactly("ItemGroupCreated", "ItemGroupTrackingNumberChanged");
        assertThat(eventTypes(client, "/api/item-groups/" + b + "/events"))
                .containsExactly("ItemGroupCreated", "ItemGroupShipped");
        eventually().untilAsserted(() -> client.get().uri("/api/item-groups/{a}", a).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.trackingNumber").isEqualTo("TRK-A").jsonPath("$.version").isEqualTo(2));
    }

    @Test
    void bulkUpdateRefusesABodyWithoutOneToFiveHundredRows() {
        WebTestClient client = newOrg();
        String sid = createOrderItemAndGroup(client, "10");
        var tooMany = IntStream.range(0, 501).mapToObj(i -> body("id", sid, "trackingNumber", "T" + i)).toList();
        for (Object request : List.of(body("rows", List.of()), body("rows", tooMany), body(),
                body("rows", List.of(body("id", sid, "trackingNumber", "T")), "dryRun", true))) {
            expectError(post(client, "/api/item-groups/bulk-update", request), 400, "validation_failed");
        }
        assertThat(eventTypes(client, "/api/item-groups/" + sid + "/events")).containsExactly("ItemGroupCreated");
    }

    @Test
    void splitKeepsTheFirstQuantityAndCreatesLotsForTheRest() {
        WebTestClient client = newOrg();
        String sid = createOrderItemAndGroup(client, "10");
        String first = newSid("n");
        String second = newSid("n");
        client.post().uri("/api/item-groups/{sid}/split", sid).header("If-Match", "1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("quantities", List.of("4", "5.5", "0.5"), "newIds", List.of(first, second),
                        "newUniqueNames", List.of("LOT-B", "LOT-C")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(3)
                .jsonPath("$.data[0].id").isEqualTo(sid)
                .jsonPath("$.data[0].quantity").isEqualTo("4")
                .jsonPath("$.data[0].version").isEqualTo(2)
                .jsonPath("$.data[1].id").isEqualTo(first)
                .jsonPath("$.data[1].quantity").isEqualTo("5.5")
                .jsonPath("$.data[1].uniqueName").isEqualTo("LOT-B")
                .jsonPath("$.data[1].version").isEqualTo(1)
                .jsonPath("$.data[2].id").isEqualTo(second)
                .jsonPath("$.data[2].quantity").isEqualTo("0.5");

        assertThat(eventTypes(client, "/api/item-groups/" + sid + "/events"))
                .containsExactly("ItemGroupCreated", "ItemGroupSplit");
        eventually().untilAsserted(() -> client.get().uri("/api/item-groups/{sid}/events", first).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].type").isEqualTo("ItemGroupCreated")
                .jsonPath("$.data[0].payload.splitFrom").isEqualTo(sid));
        eventually().untilAsserted(() -> client.get().uri("/api/item-groups/{sid}", sid).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.quantity").isEqualTo("4")
                .jsonPath("$.version").isEqualTo(2));
        eventually().untilAsserted(() -> client.get().uri("/api/item-groups/{sid}", second).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.quantity").isEqualTo("0.5")
                .jsonPath("$.uniqueName").isEqualTo("LOT-C"));
    }

    @Test
    void refusedSplitsRecordNothing() {
        WebTestClient client = newOrg();
        String item = createItem(client, createOrder(client, newSid("o")), newSid("i"), "10");
        String sid = createGroup(client, item, newSid("g"), "10");
        String used = createOrderItemAndGroup(client, "1");
        post(client, "/api/item-groups", body("itemId", item, "quantity", "1", "uniqueName", "TAKEN"))
                .expectStatus().isCreated();
        String fresh = newSid("n");
        String split = "/api/item-groups/" + sid + "/split";

        expectError(post(client, split, body("quantities", List.of("4", "5"))), 400, "validation_failed");
        expectError(post(client, split, body("quantities", List.of("10"))), 400, "validation_failed");
        expectError(post(client, split, body("quantities", List.of("4", 6))), 400, "validation_failed");
        expectError(post(client, split, body("quantities", List.of("4", "6"), "newIds", List.of("a", "b"))),
                400, "validation_failed");
        expectError(post(client, split, body("quantities", List.of("4", "6"), "newIds", List.of(used))),
                409, "conflict");
        expectError(post(client, split, body("quantities", List.of("4", "3", "3"),
                "newIds", List.of(fresh, used))), 409, "conflict");
        expectError(client.post().uri(split).header("If-Match", "3").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("quantities", List.of("4", "6"))).exchange(), 409, "conflict")
                .jsonPath("$.error.details.currentVersion").isEqualTo(1);
        expectError(client.post().uri(split).header("If-Match", "").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("quantities", List.of("4", "6"))).exchange(), 400, "validation_failed")
                .jsonPath("$.error.details.header").isEqualTo("If-Match");
        expectError(post(client, "/api/item-groups/missing/split", body("quantities", List.of("4", "6"))),
                404, "not_found");
        expectError(post(client, split, body("quantities", List.of("4", "6"), "newIds", List.of(fresh),
                "newUniqueNames", List.of("TAKEN"))), 409, "conflict");

        assertThat(eventTypes(client, "/api/item-groups/" + sid + "/events")).containsExactly("ItemGroupCreated");
        assertThat(eventTypes(client, "/api/item-groups/" + used + "/events")).containsExactly("ItemGroupCreated");
        post(client, split, body("quantities", List.of("4", "6"), "newIds", List.of(fresh)))
                .expectStatus().isOk().expectBody().jsonPath("$.data[1].id").isEqualTo(fresh);
    }

    @Test
    void combineSumsIntoTheTargetAndRetiresTheSources() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        String item = createItem(client, order, newSid("i"), "10");
        String target = createGroup(client, item, newSid("t"), "1");
        String s1 = createGroup(client, item, newSid("s"), "2.5");
        String s2 = createGroup(client, item, newSid("s"), "3");

        post(client, "/api/item-groups/combine", body("itemGroupIds", List.of(target, s1, s2)))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(target)
                .jsonPath("$.quantity").isEqualTo("6.5");

        for (String source : List.of(s1, s2)) {
            awaitGone(client, "/api/item-groups/" + source);
            List<String> types = eventTypes(client, "/api/item-groups/" + source + "/events");
            assertThat(types).last().isEqualTo("ItemGroupCombinedInto");
            expectError(patch(client, "/api/item-groups/" + source, body("quantity", "1")), 404, "not_found");
        }
        eventually().untilAsserted(() -> client.get().uri("/api/item-groups?itemId={i}", item).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data[*].id").isEqualTo(List.of(target))
                .jsonPath("$.data[0].quantity").isEqualTo("6.5"));
    }

    @Test
    void refusedCombinesRecordNothing() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        String item = createItem(client, order, newSid("i"), "10");
        String otherItem = createItem(client, order, newSid("i"), "10");
        String target = createGroup(client, item, newSid("t"), "1");
        String source = createGroup(client, item, newSid("s"), "2");
        String foreign = createGroup(client, otherItem, newSid("f"), "3");
        String combine = "/api/item-groups/combine";

        expectError(post(client, combine, body("itemGroupIds", List.of(target))), 400, "validation_failed");
        expectError(post(client, combine, body("itemGroupIds", List.of(target, target))), 400, "validation_failed");
        expectError(post(client, combine, body("itemGroupIds", List.of(target, source, foreign))),
                400, "validation_failed");
        expectError(post(client, combine, body("itemGroupIds", List.of(target, "missing"))), 404, "not_found");
        expectError(post(client, combine, body("itemGroupIds", List.of(target, source, "missing"))),
                404, "not_found");

        for (String sid : List.of(target, source, foreign)) {
            assertThat(eventTypes(client, "/api/item-groups/" + sid + "/events")).containsExactly("ItemGroupCreated");
        }
        String shipped = createGroup(client, item, newSid("p"), "2");
        patch(client, "/api/item-groups/" + shipped, body("shipped", true, "shipDate", "2026-11-25",
                "trackingNumber", "1Z999")).expectStatus().isOk();
        expectError(post(client, combine, body("itemGroupIds", List.of(target, shipped))), 409, "invalid_transition")
                .jsonPath("$.error.details.id").isEqualTo(shipped);
        assertThat(eventTypes(client, "/api/item-groups/" + target + "/events")).containsExactly("ItemGroupCreated");
        patch(client, "/api/item-groups/" + source, body("status", "canceled")).expectStatus().isOk();
        expectError(post(client, combine, body("itemGroupIds", List.of(target, source))), 409, "invalid_transition");
        expectError(post(client, "/api/item-groups/" + source + "/split", body("quantities", List.of("1", "1"))),
                409, "invalid_transition");
        assertThat(eventTypes(client, "/api/item-groups/" + target + "/events")).containsExactly("ItemGroupCreated");
        assertThat(eventTypes(client, "/api/item-groups/" + source + "/events"))
                .containsExactly("ItemGroupCreated", "ItemGroupCanceled");
    }

    @Test
    void ifMatchMustNameTheCurrentVersion() {
        WebTestClient client = newOrg();
        String sid = createOrderItemAndGroup(client, "10");
        String path = "/api/item-groups/" + sid;
        ifMatch(client, path, "1", "A").expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        expectError(ifMatch(client, path, "1", "B"), 409, "conflict")
                .jsonPath("$.error.details.currentVersion").isEqualTo(2);
        ifMatch(client, path, "\"2\"", "C").expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(3);
        expectError(ifMatch(client, path, "three", "D"), 400, "validation_failed");
        expectError(ifMatch(client, path, "-1", "D"), 400, "validation_failed");
        assertThat(eventTypes(client, path + "/events")).containsExactly("ItemGroupCreated",
                "ItemGroupTrackingNumberChanged", "ItemGroupTrackingNumberChanged");
    }

    @Test
    void ofConcurrentUpdatesOfOneVersionExactlyOneWins() {
        String org = newOrgId();
        WebTestClient client = orgClient(org);
        String sid = createOrderItemAndGroup(client, "10");
        WebClient web = concurrentClient(org);

        List<Reply> replies = concurrently(20, i -> web.patch().uri("/api/item-groups/{sid}", sid)
                .header("If-Match", "1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("trackingNumber", "TRK-" + i)));

        assertThat(replies).extracting(Reply::status).containsOnly(200, 409);
        assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat((String) r.read("$.error.code")).isEqualTo("conflict"));
        assertThat(eventTypes(client, "/api/item-groups/" + sid + "/events"))
                .containsExactly("ItemGroupCreated", "ItemGroupTrackingNumberChanged");
        eventually().untilAsserted(() -> client.get().uri("/api/item-groups/{sid}", sid).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2));
    }

    @Test
    void concurrentCreatesWithOneSidAndOneBodyCreateOneLot() {
        String org = newOrgId();
        WebTestClient client = orgClient(org);
        String order = createOrder(client, newSid("o"));
        String item = createItem(client, order, newSid("i"), "10");
        String sid = newSid("g");
        WebClient web = concurrentClient(org);

        List<Reply> replies = concurrently(20, i -> web.post().uri("/api/item-groups")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", sid, "itemId", item, "quantity", "4", "uniqueName", "LOT")));

        assertThat(replies).extracting(Reply::status).isSubsetOf(201, 409);
        List<String> created = replies.stream().filter(r -> r.status() == 201).map(Reply::body).distinct().toList();
        assertThat(created).hasSize(1);
        assertThat((String) read(created.get(0), "$.id")).isEqualTo(sid);
        assertThat((Integer) read(created.get(0), "$.version")).isEqualTo(1);
        assertThat(eventTypes(client, "/api/item-groups/" + sid + "/events")).containsExactly("ItemGroupCreated");
    }

    private static WebTestClient.ResponseSpec ifMatch(WebTestClient client, String path, String version,
                                                      String tracking) {
        return client.patch().uri(path).header("If-Match", version).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("trackingNumber", tracking)).exchange();
    }
}
