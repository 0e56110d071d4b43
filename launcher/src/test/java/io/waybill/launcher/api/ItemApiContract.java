package io.waybill.launcher.api;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/items}: order lines, found by sid or by unique name within their order. */
abstract class ItemApiContract extends ApiContractSupport {

    @Test
    void createsAnItemWithEveryFieldAndReadsItBack() {
        WebTestClient client = newOrg();
        String order = newSid("o");
        post(client, "/api/orders", body("id", order, "vendorName", "Acme", "uniqueName", "PO-1"))
                .expectStatus().isCreated();
        String sid = newSid("i");
        post(client, "/api/items", body("id", sid, "orderId", order, "uniqueName", "L1", "title", "Bolt",
                "status", "active", "quantity", "1000", "pricePerUnit", "0.12", "nonRecurringCost", "250.5",
                "leadTime", 14, "shipTime", 3, "lineNumber", 1, "description", "M6 bolt",
                "manufacturerPartNumber", "MPN-6", "revision", "B", "eventRelations", List.of("ev-1")))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.id").isEqualTo(sid)
                .jsonPath("$.orderId").isEqualTo(order)
                .jsonPath("$.quantity").isEqualTo("1000")
                .jsonPath("$.pricePerUnit").isEqualTo("0.12")
                .jsonPath("$.nonRecurringCost").isEqualTo("250.5");

        for (String path : List.of("/api/items/" + sid, "/api/items/L1?orderId=" + order,
                "/api/items/L1?orderUniqueName=PO-1")) {
            eventually().untilAsserted(() -> client.get().uri(path).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.id").isEqualTo(sid)
                    .jsonPath("$.orderId").isEqualTo(order)
                    .jsonPath("$.orgId").isNotEmpty()
                    .jsonPath("$.uniqueName").isEqualTo("L1")
                    .jsonPath("$.title").isEqualTo("Bolt")
                    .jsonPath("$.status").isEqualTo("active")
                    .jsonPath("$.quantity").isEqualTo("1000")
                    .jsonPath("$.pricePerUnit").isEqualTo("0.12")
                    .jsonPath("$.nonRecurringCost").isEqualTo("250.5")
                    .jsonPath("$.leadTime").isEqualTo(14)
                    .jsonPath("$.shipTime").isEqualTo(3)
                    .jsonPath("$.lineNumber").isEqualTo(1)
                    .jsonPath("$.description").isEqualTo("M6 bolt")
                    .jsonPath("$.manufacturerPartNumber").isEqualTo("MPN-6")
                    .jsonPath("$.revision").isEqualTo("B")
                    .jsonPath("$.eventRelations").isEqualTo(List.of("ev-1"))
                    .jsonPath("$.createdAt").isNotEmpty());
        }
        expectError(client.get().uri("/api/items/L1").exchange(), 404, "not_found");
    }

    @Test
    void namesTheOrderBySidOrUniqueNameAndBothMustAgree() {
        WebTestClient client = newOrg();
        String order = newSid("o");
        post(client, "/api/orders", body("id", order, "vendorName", "Acme", "uniqueName", "PO-A"))
                .expectStatus().isCreated();
        String other = createOrder(client, newSid("o"));

        post(client, "/api/items", body("orderUniqueName", "PO-A", "quantity", "1")).expectStatus().isCreated()
                .expectBody().jsonPath("$.orderId").isEqualTo(order);
        post(client, "/api/items", body("orderId", order, "orderUniqueName", "PO-A", "quantity", "1"))
                .expectStatus().isCreated();

        String sid = newSid("i");
        expectError(post(client, "/api/items", body("id", sid, "orderId", other, "orderUniqueName", "PO-A",
                "quantity", "1")), 400, "validation_failed").jsonPath("$.error.details.field")
                .isEqualTo("orderUniqueName");
        expectError(client.get().uri("/api/items/L9?orderId={o}&orderUniqueName=PO-A", other).exchange(), 400,
                "validation_failed").jsonPath("$.error.details.field").isEqualTo("orderUniqueName")
                .jsonPath("$.error.message").isEqualTo("orderUniqueName: names another record than orderId");
        expectError(post(client, "/api/items", body("id", sid, "quantity", "1")), 400, "validation_failed")
                .jsonPath("$.error.details.fields.orderId").isNotEmpty();
        expectError(post(client, "/api/items", body("id", sid, "orderId", "missing", "quantity", "1")),
                404, "not_found");
        expectError(post(client, "/api/items", body("id", sid, "orderUniqueName", "missing", "quantity", "1")),
                404, "not_found");

        createItem(client, other, sid, "7");
        eventually().untilAsserted(() -> client.get().uri("/api/items?orderId={o}", other).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data[*].id").isEqualTo(List.of(sid)));
    }

    @Test
    void refusesInvalidFieldsAndRecordsNothing() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        String sid = newSid("i");
        var invalid = List.of(
                body("id", sid, "orderId", order),
                body("id", sid, "orderId", order, "quantity", "0"),
                body("id", sid, "orderId", order, "quantity", "-1"),
                body("id", sid, "orderId", order, "quantity", "1", "status", "closed"),
                body("id", sid, "orderId", order, "quantity", "1", "pricePerUnit", "-0.01"),
                body("id", sid, "orderId", order, "quantity", "1", "leadTime", 36501),
                body("id", sid, "orderId", order, "quantity", "1", "shipTime", -1),
                body("id", sid, "orderId", order, "quantity", "1.1234567890123"),
                body("id", "bad sid!", "orderId", order, "quantity", "1"));
        for (var request : invalid) {
            expectError(post(client, "/api/items", request), 400, "validation_failed")
                    .jsonPath("$.error.details.fields").isNotEmpty();
        }
        createItem(client, order, sid, "3");
        eventually().untilAsserted(() -> client.get().uri("/api/items").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data[*].id").isEqualTo(List.of(sid))
                .jsonPath("$.data[0].quantity").isEqualTo("3"));
    }

    @Test
    void uniqueNameIsUniqueWithinTheOrderAndSidsAreIdempotent() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        String other = createOrder(client, newSid("o"));
        var line = body("id", newSid("i"), "orderId", order, "uniqueName", "L1", "quantity", "2");
        String first = text(post(client, "/api/items", line), 201);
        assertThat(text(post(client, "/api/items", line), 201)).isEqualTo(first);
        line.put("quantity", "3");
        expectError(post(client, "/api/items", line), 409, "conflict");

        expectError(post(client, "/api/items", body("orderId", order, "uniqueName", "L1", "quantity", "1")),
                409, "conflict");
        post(client, "/api/items", body("orderId", other, "uniqueName", "L1", "quantity", "1"))
                .expectStatus().isCreated();
        assertThat(eventTypes(client, "/api/orders/" + order + "/events")).containsExactly("OrderCreated", "ItemAdded");
    }

    @Test
    void listsByOrderAndByTheOrdersVendor() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        String otherVendor = newSid("o");
        post(client, "/api/orders", body("id", otherVendor, "vendorId", "v-2")).expectStatus().isCreated();
        String a = createItem(client, order, newSid("a"), "1");
        String b = createItem(client, order, newSid("b"), "1");
        String c = createItem(client, otherVendor, newSid("c"), "1");

        eventually().untilAsserted(() -> client.get().uri("/api/items?orderId={o}", order).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data[*].id").value(List.class, s -> assertThat(s).containsExactlyInAnyOrder(a, b)));
        eventually().untilAsserted(() -> client.get().uri("/api/items?vendorId=v-2").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data[*].id").isEqualTo(List.of(c)));
        eventually().untilAsserted(() -> client.get().uri("/api/items").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.length()").isEqualTo(3));
    }

    @Test
    void patchRecordsDetailsCancellationAndReactivation() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        String sid = createItem(client, order, newSid("i"), "5");
        String timeline = "/api/items/" + sid + "/events";

        patch(client, "/api/items/" + sid, body("title", "Nut", "quantity", "6.5", "pricePerUnit", "1"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.title").isEqualTo("Nut").jsonPath("$.quantity").isEqualTo("6.5")
                .jsonPath("$.pricePerUnit").isEqualTo("1");
        patch(client, "/api/items/" + sid, body("status", "canceled")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("canceled");
        patch(client, "/api/items/" + sid, body("status", "active", "title", "Nut")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("active");
        assertThat(eventTypes(client, timeline))
                .containsExactly("ItemAdded", "ItemDetailsChanged", "ItemCanceled", "ItemReactivated");
        eventually().untilAsserted(() -> client.get().uri("/api/items/{sid}", sid).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Nut").jsonPath("$.quantity").isEqualTo("6.5")
                .jsonPath("$.status").isEqualTo("active"));

        expectError(patch(client, "/api/items/" + sid, body("quantity", null)), 400, "validation_failed");
        expectError(patch(client, "/api/items/" + sid, body("status", "paused")), 400, "validation_failed");
        expectError(patch(client, "/api/items/" + sid, body("orderId", order)), 400, "validation_failed")
                .jsonPath("$.error.details.fields.orderId").isEqualTo("unknown field");
        post(client, "/api/items", body("orderId", order, "uniqueName", "L2", "quantity", "1"))
                .expectStatus().isCreated();
        expectError(patch(client, "/api/items/" + sid, body("uniqueName", "L2", "title", "x")), 409, "conflict");
        assertThat(eventTypes(client, timeline))
                .containsExactly("ItemAdded", "ItemDetailsChanged", "ItemCanceled", "ItemReactivated");
    }

    @Test
    void patchAndDeleteFindAnItemByUniqueNameWithinItsOrder() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        String sid = newSid("i");
        post(client, "/api/items", body("id", sid, "orderId", order, "uniqueName", "L7", "quantity", "1"))
                .expectStatus().isCreated();
        patch(client, "/api/items/L7?orderId=" + order, body("title", "Washer")).expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(sid);
        expectError(patch(client, "/api/items/L7", body("title", "x")), 404, "not_found");
        expectError(client.delete().uri("/api/items/L7").exchange(), 404, "not_found");

        client.delete().uri("/api/items/L7?orderId={o}", order).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.deletedId").isEqualTo(sid);
        expectError(patch(client, "/api/items/" + sid, body("title", "x")), 404, "not_found");
        expectError(client.delete().uri("/api/items/{sid}", sid).exchange(), 404, "not_found");
        awaitGone(client, "/api/items/" + sid);
        eventually().untilAsserted(() -> client.get().uri("/api/items?orderId={o}", order).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data").isEmpty());
        assertThat(eventTypes(client, "/api/items/" + sid + "/events"))
                .containsExactly("ItemAdded", "ItemDetailsChanged", "ItemDeleted");
        post(client, "/api/items", body("orderId", order, "uniqueName", "L7", "quantity", "1"))
                .expectStatus().isCreated();
    }

    @Test
    void deletingAnItemDeletesItsGroupsAndDeletingAnOrderDeletesEverything() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        String item = createItem(client, order, newSid("i"), "4");
        String group = createGroup(client, item, newSid("g"), "4");
        String kept = createItem(client, order, newSid("i"), "4");
        String keptGroup = createGroup(client, kept, newSid("g"), "4");
        awaitVisible(client, "/api/item-groups/" + keptGroup);

        client.delete().uri("/api/items/{sid}", item).exchange().expectStatus().isOk();
        awaitGone(client, "/api/item-groups/" + group);
        expectError(patch(client, "/api/item-groups/" + group, body("trackingNumber", "T")), 404, "not_found");
        client.get().uri("/api/item-groups/{sid}", keptGroup).exchange().expectStatus().isOk();

        client.delete().uri("/api/orders/{sid}", order).exchange().expectStatus().isOk();
        awaitGone(client, "/api/items/" + kept);
        awaitGone(client, "/api/item-groups/" + keptGroup);
        expectError(post(client, "/api/item-groups", body("itemId", kept, "quantity", "1")), 404, "not_found");
        eventually().untilAsserted(() -> client.get().uri("/api/item-groups").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data").isEmpty());
    }
}
