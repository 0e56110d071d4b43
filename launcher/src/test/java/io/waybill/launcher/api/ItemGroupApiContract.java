package io.waybill.launcher.api;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/item-groups}: shipment lots, their references, and the events each change records. */
abstract class ItemGroupApiContract extends ApiContractSupport {

    @Test
    void createsALotAndFindsItBySidAndByUniqueNameWithinItsItem() {
        WebTestClient client = newOrg();
        String order = newSid("o");
        post(client, "/api/orders", body("id", order, "vendorName", "Acme", "uniqueName", "PO-1"))
                .expectStatus().isCreated();
        String item = newSid("i");
        post(client, "/api/items", body("id", item, "orderId", order, "uniqueName", "L1", "quantity", "10"))
                .expectStatus().isCreated();
        String sid = newSid("g");
        post(client, "/api/item-groups", body("id", sid, "itemUniqueName", "L1", "orderUniqueName", "PO-1",
                "quantity", "2.5", "dueDate", "2026-04-01", "shipDate", "2026-03-20", "trackingNumber", "TRK-1",
                "lastUpdateDate", "2026-03-01T09:30:00Z", "estimatedArrivalDate", "2026-04-02", "uniqueName", "LOT-1",
                "status", "active", "eventRelations", List.of("ev-1")))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.id").isEqualTo(sid).jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.quantity").isEqualTo("2.5").jsonPath("$.itemId").isEqualTo(item);

        for (String path : List.of("/api/item-groups/" + sid, "/api/item-groups/LOT-1?itemId=" + item,
                "/api/item-groups/LOT-1?itemUniqueName=L1&orderId=" + order,
                "/api/item-groups/LOT-1?itemUniqueName=L1&orderUniqueName=PO-1")) {
            eventually().untilAsserted(() -> client.get().uri(path).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.id").isEqualTo(sid)
                    .jsonPath("$.orgId").isNotEmpty()
                    .jsonPath("$.orderId").isEqualTo(order)
                    .jsonPath("$.itemId").isEqualTo(item)
                    .jsonPath("$.uniqueName").isEqualTo("LOT-1")
                    .jsonPath("$.quantity").isEqualTo("2.5")
                    .jsonPath("$.dueDate").isEqualTo("2026-04-01")
                    .jsonPath("$.shipDate").isEqualTo("2026-03-20")
                    .jsonPath("$.deliveryDate").doesNotExist()
                    .jsonPath("$.shipped").isEqualTo(false)
                    .jsonPath("$.delivered").isEqualTo(false)
                    .jsonPath("$.trackingNumber").isEqualTo("TRK-1")
                    .jsonPath("$.lastUpdateDate").isEqualTo("2026-03-01T09:30:00Z")
                    .jsonPath("$.estimatedArrivalDate").isEqualTo("2026-04-02")
                    .jsonPath("$.status").isEqualTo("active")
                    .jsonPath("$.eventRelations").isEqualTo(List.of("ev-1"))
                    .jsonPath("$.version").isEqualTo(1));
        }
        expectError(client.get().uri("/api/item-groups/LOT-1").exchange(), 404, "not_found");
        expectError(client.get().uri("/api/item-groups/LOT-1?itemUniqueName=L1").exchange(), 400,
                "validation_failed").jsonPath("$.error.details.field").isEqualTo("itemUniqueName");
        expectError(post(client, "/api/item-groups", body("itemUniqueName", "L1", "quantity", "1")), 400,
                "validation_failed").jsonPath("$.error.details.field").isEqualTo("itemUniqueName")
                .jsonPath("$.error.message").isEqualTo("itemUniqueName: needs orderId or orderUniqueName, within "
                        + "which it is unique");
    }

    @Test
    void refusesMissingOrDisagreeingReferencesAndRecordsNothing() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        String other = createOrder(client, newSid("o"));
        String item = newSid("i");
        post(client, "/api/items", body("id", item, "orderId", order, "uniqueName", "L1", "quantity", "10"))
                .expectStatus().isCreated();
        String sid = newSid("g");

        expectError(post(client, "/api/item-groups", body("id", sid, "quantity", "1")), 400, "validation_failed")
                .jsonPath("$.error.details.fields.itemId").isNotEmpty();
        expectError(post(client, "/api/item-groups", body("id", sid, "itemUniqueName", "L1", "quantity", "1")),
                400, "validation_failed");
        expectError(post(client, "/api/item-groups", body("id", sid, "itemId", item, "orderId", other,
                "quantity", "1")), 400, "validation_failed");
        expectError(post(client, "/api/item-groups", body("id", sid, "itemId", "missing", "quantity", "1")),
                404, "not_found");
        expectError(post(client, "/api/item-groups", body("id", sid, "itemUniqueName", "L9", "orderId", order,
                "quantity", "1")), 404, "not_found");
        expectError(post(client, "/api/item-groups", body("id", sid, "itemId", item, "quantity", "1",
                "shipped", false, "delivered", true)), 400, "validation_failed")
                .jsonPath("$.error.details.fields.shipped").isNotEmpty();
        expectError(post(client, "/api/item-groups", body("id", sid, "itemId", item)), 400, "validation_failed")
                .jsonPath("$.error.details.fields.quantity").isNotEmpty();

        post(client, "/api/item-groups", body("id", sid, "itemId", item, "quantity", "3", "delivered", true))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.quantity").isEqualTo("3")
                .jsonPath("$.shipped").isEqualTo(true).jsonPath("$.delivered").isEqualTo(true);
        eventually().untilAsserted(() -> client.get().uri("/api/item-groups").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data[*].id").isEqualTo(List.of(sid)));
    }

    @Test
    void sameSidAndBodyIsTheSameLotAndUniqueNamesAreUniqueWithinTheItem() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        String item = createItem(client, order, newSid("i"), "10");
        String otherItem = createItem(client, order, newSid("i"), "10");
        var lot = body("id", newSid("g"), "itemId", item, "quantity", "4", "uniqueName", "LOT");
        String first = text(post(client, "/api/item-groups", lot), 201);
        assertThat(text(post(client, "/api/item-groups", lot), 201)).isEqualTo(first);
        lot.put("quantity", "5");
        expectError(post(client, "/api/item-groups", lot), 409, "conflict");

        expectError(post(client, "/api/item-groups", body("itemId", item, "quantity", "1", "uniqueName", "LOT")),
                409, "conflict");
        post(client, "/api/item-groups", body("itemId", otherItem, "quantity", "1", "uniqueName", "LOT"))
                .expectStatus().isCreated();
        assertThat(eventTypes(client, "/api/item-groups/" + lot.get("id") + "/events"))
                .containsExactly("ItemGroupCreated");
    }

    @Test
    void listsByItemOrderStatusAndItemTitle() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        String other = createOrder(client, newSid("o"));
        String bolt = createItem(client, order, newSid("i"), "10");
        String nut = newSid("i");
        post(client, "/api/items", body("id", nut, "orderId", other, "title", "Nut", "quantity", "1"))
                .expectStatus().isCreated();
        String a = createGroup(client, bolt, newSid("a"), "1");
        String b = createGroup(client, bolt, newSid("b"), "1");
        patch(client, "/api/item-groups/" + b, body("status", "canceled")).expectStatus().isOk();
        String c = createGroup(client, nut, newSid("c"), "1");

        Map<String, List<String>> expected = Map.of(
                "itemId=" + bolt, List.of(a, b),
                "orderId=" + other, List.of(c),
                "statusNot=canceled", List.of(a, c),
                "statusNot=active", List.of(b),
                "title=Nut", List.of(c),
                "title=Bolt&statusNot=canceled", List.of(a));
        expected.forEach((query, sids) -> eventually().untilAsserted(() -> client.get()
                .uri("/api/item-groups?" + query).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[*].id").value(List.class, s -> assertThat(s).containsExactlyInAnyOrderElementsOf(sids))));
        expectError(client.get().uri("/api/item-groups?statusNot=open").exchange(), 400, "validation_failed");
    }

    @Test
    void eachChangeRecordsItsEventAndBumpsTheVersion() {
        WebTestClient client = newOrg();
        String sid = createOrderItemAndGroup(client, "10");
        List<Object[]> steps = List.of(
                new Object[]{body("dueDate", "2026-05-01"), List.of("ItemGroupRescheduled")},
                new Object[]{body("shipDate", "2026-04-20"), List.of("ItemGroupShipDateChanged")},
                new Object[]{body("deliveryDate", "2026-05-02"), List.of("ItemGroupDeliveryDateChanged")},
                new Object[]{body("estimatedArrivalDate", "2026-05-03"), List.of("ItemGroupArrivalEstimated")},
                new Object[]{body("quantity", "12"), List.of("ItemGroupQuantityChanged")},
                new Object[]{body("trackingNumber", "TRK-9"), List.of("ItemGroupTrackingNumberChanged")},
                new Object[]{body("lastUpdateDate", "2026-03-02T10:00:00Z"), List.of("ItemGroupLastUpdateDateChanged")},
                new Object[]{body("confirmed", true), List.of("ItemGroupConfirmed")},
                new Object[]{body("confirmed", true, "lastUpdateDate", "2026-03-05T10:00:00Z"),
                        List.of("ItemGroupConfirmed")},
                new Object[]{body("uniqueName", "LOT-X"), List.of("ItemGroupRenamed")},
                new Object[]{body("eventRelations", List.of("ev-3")), List.of("ItemGroupRelationsChanged")},
                new Object[]{body("status", "canceled"), List.of("ItemGroupCanceled")},
                new Object[]{body("status", "active"), List.of("ItemGroupReactivated")},
                new Object[]{body("shipped", true), List.of("ItemGroupShipped")},
                new Object[]{body("shipped", false), List.of("ItemGroupShipmentReverted")},
                new Object[]{body("delivered", true), List.of("ItemGroupShipped", "ItemGroupDelivered")},
                new Object[]{body("quantity", "12", "trackingNumber", "TRK-9", "status", "active"), List.of()});
        List<String> expected = new ArrayList<>(List.of("ItemGroupCreated"));
        for (Object[] step : steps) {
            @SuppressWarnings("unchecked")
            List<String> events = (List<String>) step[1];
            expected.addAll(events);
            patch(client, "/api/item-groups/" + sid, step[0]).expectStatus().isOk()
                    .expectBody().jsonPath("$.version").isEqualTo(expected.size());
        }
        assertThat(eventTypes(client, "/api/item-groups/" + sid + "/events")).containsExactlyElementsOf(expected);
        eventually().untilAsserted(() -> client.get().uri("/api/item-groups/{sid}", sid).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(expected.size())
                .jsonPath("$.quantity").isEqualTo("12")
                .jsonPath("$.shipped").isEqualTo(true).jsonPath("$.delivered").isEqualTo(true)
                .jsonPath("$.lastUpdateDate").isEqualTo("2026-03-05T10:00:00Z")
                .jsonPath("$.uniqueName").isEqualTo("LOT-X")
                .jsonPath("$.eventRelations").isEqualTo(List.of("ev-3")));
    }

    @Test
    void aCanceledLotCannotBeShippedAndInvalidPatchesRecordNothing() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        String item = createItem(client, order, newSid("i"), "10");
        String sid = createGroup(client, item, newSid("g"), "10");
        post(client, "/api/item-groups", body("itemId", item, "quantity", "1", "uniqueName", "TAKEN"))
                .expectStatus().isCreated();
        String path = "/api/item-groups/" + sid;
        patch(client, path, body("status", "canceled")).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);

        expectError(patch(client, path, body("shipped", true)), 409, "invalid_transition");
        expectError(patch(client, path, body("delivered", true)), 409, "invalid_transition");
        expectError(patch(client, path, body("quantity", "0")), 400, "validation_failed");
        expectError(patch(client, path, body("quantity", null)), 400, "validation_failed");
        expectError(patch(client, path, body("status", null)), 400, "validation_failed");
        expectError(patch(client, path, body("dueDate", "01/05/2026")), 400, "validation_failed");
        expectError(patch(client, path, body("lastUpdateDate", "2026-03-01T09:30:00")), 400, "validation_failed");
        expectError(patch(client, path, body("shipped", "yes")), 400, "validation_failed");
        expectError(patch(client, path, body("itemId", "x")), 400, "validation_failed");
        expectError(patch(client, path, body("uniqueName", "TAKEN", "trackingNumber", "T")), 409, "conflict");
        expectError(patch(client, path, body("status", "active", "quantity", "2.5", "dueDate", "2026-01-01",
                "shipped", "no")), 400, "validation_failed");

        patch(client, path, body()).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        assertThat(eventTypes(client, path + "/events")).containsExactly("ItemGroupCreated", "ItemGroupCanceled");
    }

    @Test
    void deleteAnswersTheIdAndKeepsTheHistory() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        String item = createItem(client, order, newSid("i"), "10");
        String sid = newSid("g");
        post(client, "/api/item-groups", body("id", sid, "itemId", item, "quantity", "1", "uniqueName", "LOT"))
                .expectStatus().isCreated();
        expectError(client.delete().uri("/api/item-groups/LOT").exchange(), 404, "not_found");
        expectError(client.delete().uri("/api/item-groups/{sid}", sid).header("If-Match", "7").exchange(), 409,
                "conflict").jsonPath("$.error.details.currentVersion").isEqualTo(1);

        client.delete().uri("/api/item-groups/LOT?itemId={i}", item).header("If-Match", "1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.deletedId").isEqualTo(sid);
        expectError(client.delete().uri("/api/item-groups/{sid}", sid).exchange(), 404, "not_found");
        expectError(patch(client, "/api/item-groups/" + sid, body("quantity", "2")), 404, "not_found");
        awaitGone(client, "/api/item-groups/" + sid);
        post(client, "/api/item-groups", body("itemId", item, "quantity", "1", "uniqueName", "LOT"))
                .expectStatus().isCreated();
        expectError(post(client, "/api/item-groups", body("id", sid, "itemId", item, "quantity", "1",
                "uniqueName", "LOT")), 409, "conflict");
        assertThat(eventTypes(client, "/api/item-groups/" + sid + "/events"))
                .containsExactly("ItemGroupCreated", "ItemGroupDeleted");
    }

    @Test
    void aRepeatedCreateAfterAChangeAnswersTheLotAsItIsNowAndEqualDecimalsAreEqual() {
        WebTestClient client = newOrg();
        String item = createItem(client, createOrder(client, newSid("o")), newSid("i"), "10");
        String sid = newSid("g");
        post(client, "/api/item-groups", body("id", sid, "itemId", item, "quantity", "2.50"))
                .expectStatus().isCreated().expectBody().jsonPath("$.quantity").isEqualTo("2.5");
        patch(client, "/api/item-groups/" + sid, body("shipped", true)).expectStatus().isOk();

        post(client, "/api/item-groups", body("id", sid, "itemId", item, "quantity", "2.5"))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.shipped").isEqualTo(true).jsonPath("$.version").isEqualTo(2);
        expectError(post(client, "/api/item-groups", body("id", sid, "itemId", item, "quantity", "3")),
                409, "conflict");
        assertThat(eventTypes(client, "/api/item-groups/" + sid + "/events"))
                .containsExactly("ItemGroupCreated", "ItemGroupShipped");
    }
}
