package io.waybill.launcher.api;

import io.waybill.testing.RunningApp;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live event streams and the events list over real HTTP: history then live, exact resumption, filters,
 * organisations kept apart, slow clients cut off without slowing anyone, heartbeats, and global indices that
 * commit out of order or never.
 */
abstract class StreamContract extends ApiContractSupport {

    /** The database under test. */
    protected abstract Map<String, Object> store();

    @Override
    protected Map<String, Object> database() {
        Map<String, Object> properties = new HashMap<>(store());
        properties.put("waybill.streams.heartbeat", "300ms");
        properties.put("waybill.streams.buffer", "50");
        properties.put("waybill.streams.gap-timeout", "3s");
        return properties;
    }

    private record Org(String label, WebTestClient client, WebClient streams) {
    }

    private Org org() {
        String label = "org-" + UUID.randomUUID().toString().substring(0, 8);
        return new Org(label, app.client(label), concurrentClient(label));
    }

    @Test
    void anOrdersStreamSendsItsHistoryThenWhatHappens() {
        Org org = org();
        String order = createOrder(org.client(), newSid("o"));
        String item = createItem(org.client(), order, newSid("i"), "10");
        String group = createGroup(org.client(), item, newSid("g"), "10");
        awaitVisible(org.client(), "/api/orders/" + order);
        try (StreamListener stream = StreamListener.open(org.streams(), "/api/orders/" + order + "/events/stream")) {
            eventually().untilAsserted(() -> assertThat(stream.types())
                    .containsExactly("OrderCreated", "ItemAdded", "ItemGroupCreated"));
            List<String> timeline = read(text(org.client().get().uri("/api/orders/" + order + "/events").exchange(),
                    200), "$.data[*].eventId");
            assertThat(stream.eventIds()).containsExactlyInAnyOrderElementsOf(timeline);

            patch(org.client(), "/api/item-groups/" + group, body("shipped", true)).expectStatus().isOk();
            String later = createGroup(org.client(), item, newSid("g"), "5");
            patch(org.client(), "/api/item-groups/" + later, body("quantity", "6")).expectStatus().isOk();
            createOrder(org.client(), newSid("other"));
            eventually().untilAsserted(() -> assertThat(stream.types()).containsExactly("OrderCreated", "ItemAdded",
                    "ItemGroupCreated", "ItemGroupShipped", "ItemGroupCreated", "ItemGroupQuantityChanged"));
            assertThat(stream.ids()).isSorted().doesNotHaveDuplicates();
            ServerSentEvent<String> shipped = stream.events().get(3);
            assertThat((Object) read(shipped.data(), "$.globalPosition")).hasToString(shipped.id());
            assertThat((String) read(shipped.data(), "$.aggregateId")).isEqualTo(group);
            assertThat((String) read(shipped.data(), "$.actor")).isNotEmpty();
        }
    }

    @Test
    void aResumedStreamMissesNothingAndRepeatsNothing() {
        Org org = org();
        String order = createOrder(org.client(), newSid("o"));
        String path = "/api/events/stream";
        List<ServerSentEvent<String>> first;
        try (StreamListener stream = StreamListener.open(org.streams(), path)) {
            patch(org.client(), "/api/orders/" + order, body("title", "one")).expectStatus().isOk();
            eventually().untilAsserted(() -> assertThat(stream.types()).hasSize(2));
            first = stream.events();
        }
        String lastId = first.get(1).id();
        for (int i = 0; i < 3; i++) {
            patch(org.client(), "/api/orders/" + order, body("title", "while away " + i)).expectStatus().isOk();
        }
        createGroup(org.client(), createItem(org.client(), order, newSid("i"), "1"), newSid("g"), "1");

        List<String> all;
        try (StreamListener full = StreamListener.open(org.streams(), path)) {
            eventually().untilAsserted(() -> assertThat(full.types()).hasSize(7));
            all = full.eventIds();
        }
        try (StreamListener resumed = StreamListener.resume(org.streams(), path, lastId);
             StreamListener byQuery = StreamListener.open(org.streams(), path + "?after=" + lastId)) {
            eventually().untilAsserted(() -> assertThat(resumed.eventIds()).containsExactlyElementsOf(all.subList(2, 7)));
            eventually().untilAsserted(() -> assertThat(byQuery.eventIds()).containsExactlyElementsOf(all.subList(2, 7)));
            assertThat(first.stream().map(m -> (String) read(m.data(), "$.eventId")).toList())
                    .containsExactlyElementsOf(all.subList(0, 2));
        }
        try (StreamListener live = StreamListener.open(org.streams(), path + "?after=now")) {
            eventually().until(live::opened);
            patch(org.client(), "/api/orders/" + order, body("title", "from now on")).expectStatus().isOk();
            eventually().untilAsserted(() -> assertThat(live.eventIds()).as("no history, what happens since")
                    .hasSize(1).doesNotContainAnyElementsOf(all));
        }
        for (String bad : List.of("?after=-1", "?after=abc", "?after=1.5", "?after=later")) {
            expectError(org.client().get().uri(path + bad).exchange(), 400, "validation_failed");
        }
        expectError(org.client().get().uri(path).header("Last-Event-ID", "x").exchange(), 400, "validation_failed");
        expectError(org.client().get().uri(path).header("Last-Event-ID", "900000000000").exchange(), 400,
                "validation_failed").jsonPath("$.error.details.field").isEqualTo("Last-Event-ID");
        expectError(org.client().get().uri(path + "?after=900000000000").exchange(), 400, "validation_failed")
                .jsonPath("$.error.details.field").isEqualTo("after");
    }

    @Test
    void aStreamEndsSoonAfterItsCallersAccessEnds() {
        Org org = org();
        String answer = text(post(org.client(), "/api/organizations/current/members", body("email",
                newSid("viewer") + "@example.com", "role", "viewer")), 201);
        String port = app.context().getEnvironment().getProperty("local.server.port");
        WebClient viewer = WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("X-Org-Id", orgIdOf(org.client()))
                .defaultHeader("Authorization", "Bearer " + read(answer, "$.plaintext")).build();
        try (StreamListener stream = StreamListener.open(viewer, "/api/events/stream")) {
            eventually().until(stream::opened);
            org.client().delete().uri("/api/organizations/current/members/{id}",
                    (String) read(answer, "$.membership.userId")).exchange().expectStatus().isOk();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stream.ended);
            ServerSentEvent<String> last = stream.events().get(stream.events().size() - 1);
            assertThat(last.event()).isEqualTo("error");
            assertThat((String) read(last.data(), "$.error.code")).isEqualTo("unauthorized");
        }
    }

    @Test
    void aBrowserOpensAStreamWithATicketOnceOnlyTheStreamItNamesAndOnlyWhileItsAccessStands() {
        Org org = org();
        String port = app.context().getEnvironment().getProperty("local.server.port");
        WebClient browser = WebClient.builder().baseUrl("http://localhost:" + port).build();
        String issued = text(post(org.client(), "/api/streams/tickets", body("path", "/api/events/stream")), 201);
        String ticket = read(issued, "$.ticket");
        assertThat((String) read(issued, "$.path")).isEqualTo("/api/events/stream");
        assertThat((String) read(issued, "$.expiresAt")).isNotBlank();
        try (StreamListener stream = StreamListener.open(browser, "/api/events/stream?ticket=" + ticket)) {
            eventually().until(stream::opened);
            String marker = createOrder(org.client(), newSid("o"));
            eventually().untilAsserted(() -> assertThat(stream.types()).containsExactly("OrderCreated"));
            assertThat((String) read(stream.events().get(0).data(), "$.aggregateId")).isEqualTo(marker);
        }
        expectError(app.client().get().uri("/api/events/stream?ticket=" + ticket).exchange(), 401, "unauthorized")
                .jsonPath("$.error.message").value(message -> assertThat((String) message).contains("once"));

        String forEvents = read(text(post(org.client(), "/api/streams/tickets", body("path", "/api/events/stream")),
                201), "$.ticket");
        expectError(app.client().get().uri("/api/orders/" + newSid("o") + "/events/stream?ticket=" + forEvents)
                .exchange(), 401, "unauthorized");
        expectError(app.client().get().uri("/api/orders?ticket=" + forEvents).exchange(), 401, "unauthorized");
        expectError(app.client().post().uri("/api/orders?ticket=" + forEvents).exchange(), 401, "unauthorized");
        expectError(post(org.client(), "/api/streams/tickets", body("path", "/api/events/stream?after=3")), 400,
                "validation_failed").jsonPath("$.error.details.fields.path").exists();
        expectError(post(org.client(), "/api/streams/tickets", body("path", "/api/../stream")), 400,
                "validation_failed");

        String token = text(post(org.client(), "/api/tokens", body("name", "browser")), 201);
        WebTestClient holder = app.client().mutate().defaultHeader("X-Org-Id", orgIdOf(org.client()))
                .defaultHeader("Authorization", "Bearer " + read(token, "$.plaintext")).build();
        String revokedTicket = read(text(post(holder, "/api/streams/tickets", body("path", "/api/events/stream")),
                201), "$.ticket");
        org.client().delete().uri("/api/tokens/{id}", (String) read(token, "$.token.id")).exchange()
                .expectStatus().isOk();
        expectError(app.client().get().uri("/api/events/stream?ticket=" + revokedTicket).exchange(), 401,
                "unauthorized").jsonPath("$.error.message").value(message -> assertThat((String) message)
                .contains("ended"));
    }

    @Test
    void theOrganisationsStreamIsFilteredByTypeAndAggregateType() {
        Org org = org();
        String base = "/api/events/stream";
        try (StreamListener types = StreamListener.open(org.streams(), base + "?type=OrderCreated,ItemGroupShipped");
             StreamListener repeated = StreamListener.open(org.streams(),
                     base + "?aggregateType=ItemGroup&aggregateType=Order&type=ItemAdded&type=ItemGroupCreated");
             StreamListener groups = StreamListener.open(org.streams(), base + "?aggregateType=ItemGroup")) {
            String group = createOrderItemAndGroup(org.client(), "4");
            patch(org.client(), "/api/item-groups/" + group, body("shipped", true)).expectStatus().isOk();
            eventually().untilAsserted(() -> assertThat(types.types()).containsExactly("OrderCreated",
                    "ItemGroupShipped"));
            eventually().untilAsserted(() -> assertThat(repeated.types()).containsExactly("ItemAdded",
                    "ItemGroupCreated"));
            eventually().untilAsserted(() -> assertThat(groups.types()).containsExactly("ItemGroupCreated",
                    "ItemGroupShipped"));
        }
        expectError(org.client().get().uri(base + "?type=Nonsense").exchange(), 400, "validation_failed")
                .jsonPath("$.error.details.field").isEqualTo("type");
        expectError(org.client().get().uri(base + "?aggregateType=ApiToken").exchange(), 400, "validation_failed");
    }

    @Test
    void anotherOrganisationsEventsNeverArrive() {
        Org ours = org();
        Org theirs = org();
        String theirOrder = createOrder(theirs.client(), newSid("o"));
        awaitVisible(theirs.client(), "/api/orders/" + theirOrder);
        try (StreamListener stream = StreamListener.open(ours.streams(), "/api/events/stream")) {
            patch(theirs.client(), "/api/orders/" + theirOrder, body("title", "theirs")).expectStatus().isOk();
            String marker = createOrder(ours.client(), newSid("o"));
            eventually().untilAsserted(() -> assertThat(stream.types()).containsExactly("OrderCreated"));
            assertThat((String) read(stream.events().get(0).data(), "$.aggregateId")).isEqualTo(marker);
        }
        expectError(ours.client().get().uri("/api/orders/" + theirOrder + "/events/stream").exchange(), 404,
                "not_found");
        expectError(app.client().get().uri("/api/events/stream").exchange(), 401, "unauthorized");
    }

    @Test
    void aClientThatDoesNotReadIsCutOffWhileOthersKeepUp() throws Exception {
        Org org = org();
        createOrder(org.client(), newSid("o"));
        RunningApp.Credentials credentials = app.organisation(org.label());
        int port = Integer.parseInt(app.context().getEnvironment().getProperty("local.server.port"));
        int writes = 1500;
        String notes = "n".repeat(3900);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        try (SlowStreamReader slow = new SlowStreamReader(port, "/api/events/stream", credentials.orgId(),
                credentials.token());
             StreamListener fast = StreamListener.open(org.streams(), "/api/events/stream")) {
            eventually().until(fast::opened);
            // Large events, so that more is written than the kernel's socket buffers can hold for the slow client.
            Flux.range(0, writes).flatMap(i -> org.streams().post().uri("/api/locations")
                    .header("Content-Type", "application/json")
                    .bodyValue(Map.of("name", "L" + i, "notes", notes))
                    .retrieve().toBodilessEntity(), 8).blockLast(Duration.ofSeconds(120));
            IntStream.range(0, 20).forEach(i -> {
                long started = System.nanoTime();
                post(org.client(), "/api/orders", body("vendorName", "Acme", "title", "timed " + i))
                        .expectStatus().isCreated();
                latencies.add((System.nanoTime() - started) / 1_000_000);
            });
            int total = 1 + writes + 20;
            eventually().untilAsserted(() -> assertThat(fast.ids()).hasSize(total));
            assertThat(fast.ids()).isSorted().doesNotHaveDuplicates();
            assertThat(latencies).allMatch(ms -> ms < 2000);

            List<SlowStreamReader.Message> received = slow.readToEnd();
            SlowStreamReader.Message last = received.get(received.size() - 1);
            assertThat(last.event()).isEqualTo("error");
            assertThat((String) read(last.data(), "$.error.code")).isEqualTo("too_slow");
            List<SlowStreamReader.Message> events = received.subList(0, received.size() - 1);
            assertThat(events).isNotEmpty().hasSizeLessThan(total);
            String lastSent = events.get(events.size() - 1).id();
            assertThat((String) read(last.data(), "$.error.details.lastEventId")).isEqualTo(lastSent);
            List<Long> ids = events.stream().map(m -> Long.parseLong(m.id())).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            assertThat(ids).containsExactlyElementsOf(fast.ids().subList(0, ids.size()));
        }
    }

    @Test
    void anIdleStreamHearsHeartbeats() {
        Org org = org();
        try (StreamListener stream = StreamListener.open(org.streams(), "/api/events/stream")) {
            eventually().untilAsserted(() -> assertThat(stream.messages)
                    .filteredOn(m -> "heartbeat".equals(m.comment())).hasSizeGreaterThanOrEqualTo(2));
            assertThat(stream.events()).isEmpty();
        }
    }

    @Test
    void theEventsListPagesTheOrganisationsEventsAndFindsOneById() {
        Org org = org();
        Org other = org();
        String order = createOrder(org.client(), newSid("o"));
        for (int i = 0; i < 4; i++) {
            patch(org.client(), "/api/orders/" + order, body("title", "T" + i)).expectStatus().isOk();
        }
        createOrder(other.client(), newSid("o"));
        eventually().untilAsserted(() -> assertThat((List<?>) read(text(org.client().get()
                .uri("/api/events?limit=500").exchange(), 200), "$.data")).hasSize(5));
        List<String> all = read(text(org.client().get().uri("/api/events?limit=500").exchange(), 200),
                "$.data[*].eventId");
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            String page = text(org.client().get().uri("/api/events?limit=2" + (cursor == null ? "" : "&cursor="
                    + cursor)).exchange(), 200);
            paged.addAll(read(page, "$.data[*].eventId"));
            cursor = read(page, "$.nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(all);
        org.client().get().uri("/api/events?type=OrderCreated").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].aggregateId").isEqualTo(order);
        org.client().get().uri("/api/events/" + all.get(2)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.eventId").isEqualTo(all.get(2))
                .jsonPath("$.type").isEqualTo("OrderDetailsChanged")
                .jsonPath("$.globalPosition").isNumber();
        String theirEvent = eventually().until(() -> read(text(other.client().get().uri("/api/events").exchange(),
                200), "$.data[0].eventId"), id -> id != null);
        expectError(org.client().get().uri("/api/events/" + theirEvent).exchange(), 404, "not_found");
        expectError(org.client().get().uri("/api/events/missing").exchange(), 404, "not_found");
        expectError(org.client().get().uri("/api/events?cursor=bad!").exchange(), 400, "validation_failed");
        expectError(org.client().get().uri("/api/events?type=Nope").exchange(), 400, "validation_failed");
    }

    @Test
    void aStreamWaitsForAnIndexStillBeingWrittenAndPassesOneRolledBack() throws Exception {
        Org org = org();
        String order = createOrder(org.client(), newSid("o"));
        try (StreamListener stream = StreamListener.open(org.streams(), "/api/events/stream")) {
            eventually().untilAsserted(() -> assertThat(stream.types()).hasSize(1));
            String template = stream.eventIds().get(0);
            try (Connection held = app.bean(DataSource.class).getConnection()) {
                held.setAutoCommit(false);
                String heldEvent = copyEvent(held, template);
                patch(org.client(), "/api/orders/" + order, body("title", "after the held one")).expectStatus().isOk();
                patch(org.client(), "/api/orders/" + order, body("title", "and another")).expectStatus().isOk();
                Awaitility.await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
                        .until(() -> stream.events().size() == 1);
                held.commit();
                eventually().untilAsserted(() -> assertThat(stream.types()).hasSize(4));
                assertThat(stream.eventIds().get(1)).isEqualTo(heldEvent);
                assertThat(stream.ids()).isSorted();
            }
            try (Connection rolledBack = app.bean(DataSource.class).getConnection()) {
                rolledBack.setAutoCommit(false);
                copyEvent(rolledBack, template);
                patch(org.client(), "/api/orders/" + order, body("title", "after a rollback")).expectStatus().isOk();
                rolledBack.rollback();
            }
            eventually().untilAsserted(() -> assertThat(stream.types()).hasSize(5));
            assertThat(stream.ids()).isSorted().doesNotHaveDuplicates();
        }
    }

    /** Inserts a copy of an event, under a new aggregate and id, in the connection's open transaction. */
    private static String copyEvent(Connection connection, String eventId) throws Exception {
        String copy = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domainevententry "
                + "(aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, "
                + "payloadtype, timestamp) SELECT ?, 0, type, ?, metadata, payload, payloadrevision, payloadtype, "
                + "timestamp FROM domainevententry WHERE eventidentifier = ?")) {
            insert.setString(1, "copy-" + copy);
            insert.setString(2, copy);
            insert.setString(3, eventId);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        return copy;
    }
}
