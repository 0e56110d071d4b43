package io.waybill.launcher.api;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The histories of orders, items and item groups: content, metadata, paging and filtering by time. */
abstract class TimelineApiContract extends ApiContractSupport {

    @Test
    void anOrdersTimelineHoldsItsItemsAndLotsWithTheirActors() {
        WebTestClient client = newOrg();
        Member alice = addMember(client, "member");
        String order = newSid("o");
        post(alice.client(), "/api/orders", body("id", order, "vendorName", "Acme", "uniqueName", "PO-T"))
                .expectStatus().isCreated();
        String item = createItem(client, order, newSid("i"), "10");
        String group = createGroup(client, item, newSid("g"), "10");
        patch(client, "/api/item-groups/" + group, body("shipped", true)).expectStatus().isOk();

        awaitEventTypes(client, "/api/orders/PO-T/events", "OrderCreated", "ItemAdded", "ItemGroupCreated",
                "ItemGroupShipped");
        client.get().uri("/api/orders/{sid}/events", order).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.nextCursor").isEmpty()
                .jsonPath("$.data[0].eventId").isNotEmpty()
                .jsonPath("$.data[0].time").isNotEmpty()
                .jsonPath("$.data[0].actor").isEqualTo(alice.userId())
                .jsonPath("$.data[0].tokenId").isNotEmpty()
                .jsonPath("$.data[0].correlationId").isNotEmpty()
                .jsonPath("$.data[0].aggregateType").isEqualTo("Order")
                .jsonPath("$.data[0].aggregateId").isEqualTo(order)
                .jsonPath("$.data[0].sequenceNumber").isEqualTo(0)
                .jsonPath("$.data[0].position").isNotEmpty()
                .jsonPath("$.data[0].payload.details.vendorName").isEqualTo("Acme")
                .jsonPath("$.data[1].actor").isEqualTo(userIdOf(client))
                .jsonPath("$.data[1].aggregateType").isEqualTo("Order")
                .jsonPath("$.data[1].sequenceNumber").isEqualTo(1)
                .jsonPath("$.data[1].payload.itemSid").isEqualTo(item)
                .jsonPath("$.data[1].payload.details.quantity").isEqualTo("10")
                .jsonPath("$.data[2].aggregateType").isEqualTo("ItemGroup")
                .jsonPath("$.data[2].aggregateId").isEqualTo(group)
                .jsonPath("$.data[2].sequenceNumber").isEqualTo(0)
                .jsonPath("$.data[3].sequenceNumber").isEqualTo(1);

        List<String> times = read(text(client.get().uri("/api/orders/{sid}/events", order).exchange(), 200),
                "$.data[*].time");
        assertThat(times.stream().map(Instant::parse).toList()).isSorted();
    }

    @Test
    void theCallersCorrelationIdIsShownOnTheEventsItCaused() {
        WebTestClient client = newOrg().mutate().defaultHeader("X-Correlation-Id", "corr-42").build();
        String order = createOrder(client, newSid("o"));
        patch(client, "/api/orders/" + order, body("title", "T")).expectStatus().isOk();
        assertThat(eventTypes(client, "/api/orders/" + order + "/events")).hasSize(2);
        client.get().uri("/api/orders/{sid}/events", order).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[*].correlationId").isEqualTo(List.of("corr-42", "corr-42"));
    }

    @Test
    void anItemsTimelineHoldsOnlyItsOwnEventsAndItsLots() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        String item = newSid("i");
        post(client, "/api/items", body("id", item, "orderId", order, "uniqueName", "L1", "quantity", "3"))
                .expectStatus().isCreated();
        String sibling = createItem(client, order, newSid("i"), "3");
        createGroup(client, sibling, newSid("g"), "3");
        String group = createGroup(client, item, newSid("g"), "3");
        patch(client, "/api/items/" + item, body("title", "Renamed")).expectStatus().isOk();
        patch(client, "/api/item-groups/" + group, body("dueDate", "2026-06-01")).expectStatus().isOk();

        String expectedLast = "ItemGroupRescheduled";
        for (String path : List.of("/api/items/" + item + "/events", "/api/items/L1/events?orderId=" + order)) {
            awaitEventTypes(client, path, "ItemAdded", "ItemGroupCreated", "ItemDetailsChanged", expectedLast);
        }
        awaitEventTypes(client, "/api/item-groups/" + group + "/events", "ItemGroupCreated", expectedLast);
        expectError(client.get().uri("/api/items/L1/events").exchange(), 404, "not_found");

        // The order's whole history after its item's answered only part of the order's stream; then the item's
        // again, from the entries the order's kept.
        assertThat(readTypes(client, "/api/orders/" + order + "/events")).containsExactlyInAnyOrder("OrderCreated",
                "ItemAdded", "ItemAdded", "ItemGroupCreated", "ItemGroupCreated", "ItemDetailsChanged", expectedLast);
        assertThat(readTypes(client, "/api/items/" + item + "/events"))
                .containsExactly("ItemAdded", "ItemGroupCreated", "ItemDetailsChanged", expectedLast);
    }

    @Test
    void pagesFollowNextCursorAndPositionsResumeAfterAnEntry() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        for (int i = 0; i < 6; i++) {
            patch(client, "/api/orders/" + order, body("title", "T" + i)).expectStatus().isOk();
        }
        String timeline = "/api/orders/" + order + "/events";
        List<String> all = eventTypes(client, timeline);
        assertThat(all).hasSize(7);
        List<String> allIds = read(text(client.get().uri(timeline).exchange(), 200), "$.data[*].eventId");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String uri = timeline + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor);
            String page = text(client.get().uri(uri).exchange(), 200);
            List<String> ids = read(page, "$.data[*].eventId");
            assertThat(ids).hasSizeLessThanOrEqualTo(3);
            paged.addAll(ids);
            cursor = read(page, "$.nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(allIds);

        String firstPage = text(client.get().uri(timeline + "?limit=2").exchange(), 200);
        String position = read(firstPage, "$.data[0].position");
        List<String> after = read(text(client.get().uri(timeline + "?cursor=" + position).exchange(), 200),
                "$.data[*].eventId");
        assertThat(after).containsExactlyElementsOf(allIds.subList(1, allIds.size()));
    }

    @Test
    void aTimelineReadAgainAnswersTheSameAndTheEventsListItsOwnEntries() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        patch(client, "/api/orders/" + order, body("title", "T1")).expectStatus().isOk();
        String timeline = "/api/orders/" + order + "/events";
        awaitEventTypes(client, timeline, "OrderCreated", "OrderDetailsChanged");
        String first = text(client.get().uri(timeline).exchange(), 200);
        assertThat(text(client.get().uri(timeline).exchange(), 200)).isEqualTo(first);

        String eventId = read(first, "$.data[0].eventId");
        String listed = text(client.get().uri("/api/events/" + eventId).exchange(), 200);
        assertThat((Object) read(listed, "$.globalPosition")).isInstanceOf(Number.class);
        assertThat((String) read(listed, "$.position")).isNotEqualTo(read(first, "$.data[0].position"));
        assertThat((Object) read(listed, "$.payload")).isEqualTo(read(first, "$.data[0].payload"));

        patch(client, "/api/orders/" + order, body("title", "T2")).expectStatus().isOk();
        awaitEventTypes(client, timeline, "OrderCreated", "OrderDetailsChanged", "OrderDetailsChanged");
        String grown = text(client.get().uri(timeline).exchange(), 200);
        assertThat((Object) read(grown, "$.data[0:2]")).isEqualTo(read(first, "$.data"));
        assertThat(grown).doesNotContain("globalPosition");
        assertThat((String) read(grown, "$.data[2].payload.details.title")).isEqualTo("T2");
    }

    @Test
    void eventTimeOnOrAfterKeepsOnlyLaterEvents() {
        WebTestClient client = newOrg();
        String order = createOrder(client, newSid("o"));
        for (int i = 0; i < 4; i++) {
            patch(client, "/api/orders/" + order, body("title", "T" + i)).expectStatus().isOk();
        }
        String timeline = "/api/orders/" + order + "/events";
        assertThat(eventTypes(client, timeline)).hasSize(5);
        String json = text(client.get().uri(timeline).exchange(), 200);
        List<String> times = read(json, "$.data[*].time");
        List<String> ids = read(json, "$.data[*].eventId");
        Instant from = Instant.parse(times.get(2));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!Instant.parse(times.get(i)).isBefore(from)) {
                expected.add(ids.get(i));
            }
        }

        client.get().uri(b -> b.path(timeline).queryParam("eventTimeOnOrAfter", "{t}").build(from.toString()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[*].eventId").isEqualTo(expected);
        client.get().uri(b -> b.path(timeline).queryParam("eventTimeOnOrAfter", "{t}")
                        .build("2100-01-01T00:00:00+02:00"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.data").isEmpty();
        expectError(client.get().uri(timeline + "?eventTimeOnOrAfter=yesterday").exchange(), 400,
                "validation_failed");
        expectError(client.get().uri(timeline + "?eventTimeOnOrAfter=2026-03-01").exchange(), 400,
                "validation_failed");
    }

    @Test
    void timelinesRefuseBadPagingAndUnknownResources() {
        WebTestClient client = newOrg();
        String group = createOrderItemAndGroup(client, "1");
        String timeline = "/api/item-groups/" + group + "/events";
        eventTypes(client, timeline);
        for (String query : List.of("?limit=0", "?limit=501", "?limit=ten", "?cursor=not-a-cursor", "?cursor=!!")) {
            expectError(client.get().uri(timeline + query).exchange(), 400, "validation_failed");
        }
        client.get().uri(timeline + "?limit=500").exchange().expectStatus().isOk();
        expectError(client.get().uri("/api/items/missing/events").exchange(), 404, "not_found");
        expectError(client.get().uri("/api/item-groups/missing/events").exchange(), 404, "not_found");
        expectError(client.get().uri("/api/orders/missing/events").exchange(), 404, "not_found");
    }

    @Test
    void deletedResourcesKeepTheirTimelinesBySid() {
        WebTestClient client = newOrg();
        String order = newSid("o");
        post(client, "/api/orders", body("id", order, "vendorName", "Acme", "uniqueName", "PO-X"))
                .expectStatus().isCreated();
        String item = createItem(client, order, newSid("i"), "2");
        String group = createGroup(client, item, newSid("g"), "2");
        awaitVisible(client, "/api/item-groups/" + group);
        client.delete().uri("/api/orders/{sid}", order).exchange().expectStatus().isOk();
        awaitGone(client, "/api/orders/" + order);

        awaitEventTypes(client, "/api/orders/" + order + "/events", "OrderCreated", "ItemAdded", "ItemGroupCreated",
                "ItemGroupDeleted", "OrderDeleted");
        awaitEventTypes(client, "/api/items/" + item + "/events", "ItemAdded", "ItemGroupCreated",
                "ItemGroupDeleted", "OrderDeleted");
        awaitEventTypes(client, "/api/item-groups/" + group + "/events", "ItemGroupCreated", "ItemGroupDeleted");
        expectError(client.get().uri("/api/orders/PO-X/events").exchange(), 404, "not_found");

        String again = newSid("o");
        post(client, "/api/orders", body("id", again, "vendorName", "Acme", "uniqueName", "PO-X"))
                .expectStatus().isCreated();
        awaitEventTypes(client, "/api/orders/PO-X/events", "OrderCreated");
        assertThat((String) read(text(client.get().uri("/api/orders/PO-X/events").exchange(), 200),
                "$.data[0].aggregateId")).isEqualTo(again);
        awaitEventTypes(client, "/api/orders/" + order + "/events", "OrderCreated", "ItemAdded", "ItemGroupCreated",
                "ItemGroupDeleted", "OrderDeleted");
    }
}
