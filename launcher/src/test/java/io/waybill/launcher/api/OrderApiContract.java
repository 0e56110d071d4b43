package io.waybill.launcher.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/orders}: create, read, list, update, delete, and their errors. */
abstract class OrderApiContract extends ApiContractSupport {

    @Test
    void createsAnOrderAndReadsItBackBySidAndByUniqueName() {
        WebTestClient client = newOrg();
        String sid = newSid("o");
        post(client, "/api/orders", body("id", sid, "vendorId", "v-7", "vendorName", "Acme", "uniqueName", "PO-1",
                "title", "Spring bolts", "eventRelations", List.of("ev-1", "ev-2")))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.id").isEqualTo(sid)
                .jsonPath("$.orgId").isNotEmpty()
                .jsonPath("$.uniqueName").isEqualTo("PO-1")
                .jsonPath("$.vendorId").isEqualTo("v-7")
                .jsonPath("$.vendorName").isEqualTo("Acme")
                .jsonPath("$.title").isEqualTo("Spring bolts")
                .jsonPath("$.eventRelations").isEqualTo(List.of("ev-1", "ev-2"))
                .jsonPath("$.createdAt").isNotEmpty()
                .jsonPath("$.updatedAt").isNotEmpty();

        for (String key : List.of(sid, "PO-1")) {
            eventually().untilAsserted(() -> client.get().uri("/api/orders/{key}", key).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.id").isEqualTo(sid)
                    .jsonPath("$.uniqueName").isEqualTo("PO-1")
                    .jsonPath("$.vendorName").isEqualTo("Acme")
                    .jsonPath("$.title").isEqualTo("Spring bolts")
                    .jsonPath("$.eventRelations").isEqualTo(List.of("ev-1", "ev-2")));
        }
    }

    @Test
    void createWithoutSidChoosesOne() {
        String body = text(post(newOrg(), "/api/orders", body("vendorName", "Acme")), 201);
        assertThat((String) read(body, "$.id")).isNotBlank();
    }

    @Test
    void refusesAnOrderWithoutVendorAndRecordsNothing() {
        WebTestClient client = newOrg();
        String sid = newSid("o");
        expectError(post(client, "/api/orders", body("id", sid, "title", "no vendor")), 400, "validation_failed")
                .jsonPath("$.error.details.fields.vendorId").isNotEmpty();
        expectError(post(client, "/api/orders", body("id", sid, "vendorName", "Acme",
                "eventRelations", IntStream.range(0, 11).mapToObj(i -> "r" + i).toList())), 400, "validation_failed")
                .jsonPath("$.error.details.fields.eventRelations").isNotEmpty();

        post(client, "/api/orders", body("id", sid, "vendorName", "Other"))
                .expectStatus().isCreated().expectBody().jsonPath("$.vendorName").isEqualTo("Other");
        eventually().untilAsserted(() -> client.get().uri("/api/orders").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data[*].id").isEqualTo(List.of(sid)));
    }

    @Test
    void sameSidAndSameBodyIsTheSameOrderButADifferentBodyIsAConflict() {
        WebTestClient client = newOrg();
        String sid = newSid("o");
        var order = body("id", sid, "vendorName", "Acme", "uniqueName", "PO-9");
        String first = text(post(client, "/api/orders", order), 201);
        String again = text(post(client, "/api/orders", order), 201);
        assertThat(again).isEqualTo(first);

        expectError(post(client, "/api/orders", body("id", sid, "vendorName", "Other")), 409, "conflict");
        assertThat(eventTypes(client, "/api/orders/" + sid + "/events")).containsExactly("OrderCreated");
    }

    @Test
    void uniqueNameIsUniquePerOrganisation() {
        WebTestClient client = newOrg();
        post(client, "/api/orders", body("vendorName", "Acme", "uniqueName", "PO-2")).expectStatus().isCreated();
        String clash = newSid("o");
        expectError(post(client, "/api/orders", body("id", clash, "vendorName", "B", "uniqueName", "PO-2")),
                409, "conflict");
        post(newOrg(), "/api/orders", body("vendorName", "Acme", "uniqueName", "PO-2")).expectStatus().isCreated();

        post(client, "/api/orders", body("id", clash, "vendorName", "B", "uniqueName", "PO-3"))
                .expectStatus().isCreated();
        eventually().untilAsserted(() -> client.get().uri("/api/orders").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.length()").isEqualTo(2));
    }

    @Test
    void concurrentCreatesOfOneUniqueNameAdmitExactlyOne() {
        String org = newOrgId();
        WebTestClient client = orgClient(org);
        WebClient web = concurrentClient(org);
        String race = newSid("race");

        List<Reply> replies = concurrently(20, i -> web.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", race + "-" + i, "vendorName", "Acme", "uniqueName", "PO-RACE")));

        assertThat(replies).extracting(Reply::status).containsOnly(201, 409);
        List<Reply> won = replies.stream().filter(r -> r.status() == 201).toList();
        assertThat(won).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat((String) r.read("$.error.code")).isEqualTo("conflict"));
        String winner = won.get(0).read("$.id");
        eventually().untilAsserted(() -> client.get().uri("/api/orders/PO-RACE").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(winner));
        eventually().untilAsserted(() -> client.get().uri("/api/orders").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data[*].id").isEqualTo(List.of(winner)));
    }

    @Test
    void listsBySidsAndByVendor() {
        WebTestClient client = newOrg();
        String a = createOrder(client, newSid("a"));
        String b = createOrder(client, newSid("b"));
        String c = newSid("c");
        post(client, "/api/orders", body("id", c, "vendorId", "other-vendor")).expectStatus().isCreated();

        eventually().untilAsserted(() -> client.get().uri("/api/orders?id={a}&id={c}", a, c).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data[*].id").value(List.class, sids -> assertThat(sids).containsExactlyInAnyOrder(a, c))
                .jsonPath("$.nextCursor").isEmpty());
        eventually().untilAsserted(() -> client.get().uri("/api/orders?vendorId=vendor-1").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data[*].id").value(List.class, sids -> assertThat(sids).containsExactlyInAnyOrder(a, b)));

        String tooMany = String.join("&", IntStream.range(0, 101).mapToObj(i -> "id=s" + i).toList());
        expectError(client.get().uri("/api/orders?" + tooMany).exchange(), 400, "validation_failed");
    }

    @Test
    void patchChangesGivenFieldsRemovesNullsAndLeavesAbsentOnes() {
        WebTestClient client = newOrg();
        String sid = newSid("o");
        post(client, "/api/orders", body("id", sid, "vendorId", "v-1", "vendorName", "Acme", "title", "Old"))
                .expectStatus().isCreated();

        patch(client, "/api/orders/" + sid, body("title", "New", "vendorId", null, "uniqueName", "PO-5"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.title").isEqualTo("New")
                .jsonPath("$.vendorId").doesNotExist()
                .jsonPath("$.vendorName").isEqualTo("Acme")
                .jsonPath("$.uniqueName").isEqualTo("PO-5");

        eventually().untilAsserted(() -> client.get().uri("/api/orders/PO-5").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(sid).jsonPath("$.title").isEqualTo("New")
                .jsonPath("$.vendorId").doesNotExist());
        eventually().untilAsserted(() -> client.get().uri("/api/orders/{sid}/events", sid).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data[1].type").isEqualTo("OrderDetailsChanged")
                .jsonPath("$.data[1].payload.changedFields").value(List.class, fields ->
                        assertThat(fields).containsExactlyInAnyOrder("vendorSid", "uniqueName", "title")));
    }

    @Test
    void patchCannotRemoveBothVendorFieldsNorTakeAnotherOrdersName() {
        WebTestClient client = newOrg();
        String sid = newSid("o");
        post(client, "/api/orders", body("id", sid, "vendorName", "Acme")).expectStatus().isCreated();
        post(client, "/api/orders", body("vendorName", "Acme", "uniqueName", "taken")).expectStatus().isCreated();
        String timeline = "/api/orders/" + sid + "/events";
        assertThat(eventTypes(client, timeline)).containsExactly("OrderCreated");

        expectError(patch(client, "/api/orders/" + sid, body("vendorName", null)), 400, "validation_failed");
        expectError(patch(client, "/api/orders/" + sid, body("uniqueName", "taken")), 409, "conflict");
        expectError(patch(client, "/api/orders/" + sid, body("id", "x")), 400, "validation_failed")
                .jsonPath("$.error.details.fields.id").isEqualTo("unknown field");
        patch(client, "/api/orders/" + sid, body("vendorName", "Acme")).expectStatus().isOk();

        assertThat(eventTypes(client, timeline)).containsExactly("OrderCreated");
        client.get().uri("/api/orders/{sid}", sid).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.vendorName").isEqualTo("Acme").jsonPath("$.uniqueName").doesNotExist();
    }

    @Test
    void deleteAnswersTheIdAndTheOrderIsGoneButItsHistoryAndNameRemain() {
        WebTestClient client = newOrg();
        String sid = newSid("o");
        post(client, "/api/orders", body("id", sid, "vendorName", "Acme", "uniqueName", "PO-D"))
                .expectStatus().isCreated();
        awaitVisible(client, "/api/orders/" + sid);

        client.delete().uri("/api/orders/{sid}", sid).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.deletedId").isEqualTo(sid);

        awaitGone(client, "/api/orders/" + sid);
        expectError(patch(client, "/api/orders/" + sid, body("title", "x")), 404, "not_found");
        expectError(client.delete().uri("/api/orders/{sid}", sid).exchange(), 404, "not_found");
        eventually().untilAsserted(() -> client.get().uri("/api/orders").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data").isEmpty());
        assertThat(eventTypes(client, "/api/orders/" + sid + "/events"))
                .containsExactly("OrderCreated", "OrderDeleted");

        String next = newSid("o");
        post(client, "/api/orders", body("id", next, "vendorName", "Acme", "uniqueName", "PO-D"))
                .expectStatus().isCreated();
        eventually().untilAsserted(() -> client.get().uri("/api/orders/PO-D").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(next));
        expectError(post(client, "/api/orders", body("id", sid, "vendorName", "Acme", "uniqueName", "PO-D")),
                409, "conflict");
    }

    @Test
    void aRepeatedCreateAnswersTheOrderAsEveryoneElseSeesIt() {
        WebTestClient client = newOrg();
        String sid = newSid("o");
        var order = body("id", sid, "vendorName", "Acme");
        String first = text(post(client, "/api/orders", order), 201);
        createItem(client, sid, newSid("i"), "1");
        awaitVisible(client, "/api/orders/" + sid);

        String again = text(post(client, "/api/orders", order), 201);
        assertThat((String) read(again, "$.createdAt")).isEqualTo(read(first, "$.createdAt"));
        eventually().untilAsserted(() -> client.get().uri("/api/orders/{sid}", sid).exchange()
                .expectStatus().isOk().expectBody().json(again, JsonCompareMode.STRICT));
    }

    @Test
    void unknownOrdersAreNotFound() {
        WebTestClient client = newOrg();
        expectError(client.get().uri("/api/orders/nope").exchange(), 404, "not_found");
        expectError(patch(client, "/api/orders/nope", body("title", "x")), 404, "not_found");
        expectError(client.delete().uri("/api/orders/nope").exchange(), 404, "not_found");
        expectError(client.get().uri("/api/orders/nope/events").exchange(), 404, "not_found");
    }
}
