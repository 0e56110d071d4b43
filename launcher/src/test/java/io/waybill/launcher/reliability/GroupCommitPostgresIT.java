package io.waybill.launcher.reliability;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.command.CommandSideApplication;
import io.waybill.command.support.CarriedWrites;
import io.waybill.testing.RunningApp;
import io.waybill.testing.RunningApp.Credentials;
import io.waybill.testing.TestDatabases;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creates sent at the same moment are stored in one commit, and each still gets the answer it would have had alone:
 * a create answers its record, a second create of a unique name is refused while the first is stored, a repeated
 * create answers the record it made, and each record's first event carries its own registry row. Rounds of creates
 * sent together run until the command side reports a commit that stored more than one.
 */
class GroupCommitPostgresIT {

    private static final int CLIENTS = 24;

    @Test
    void createsSentTogetherAreStoredTogetherAndEachAnsweredAsAlone() throws Exception {
        String database = TestDatabases.createPostgresDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try (RunningApp app = RunningApp.start(CommandSideApplication.class, TestDatabases.postgres(database))) {
            Credentials owner = app.organisation("groups");
            WebTestClient client = app.client(owner);
            DistributionSummary grouped = app.bean(MeterRegistry.class).get("waybill.commands.grouped").summary();
            List<String> stored = new ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            for (int round = 0; grouped.totalAmount() == grouped.count(); round++) {
                assertThat(Instant.now()).as("a commit stored more than one create").isBefore(deadline);
                stored.addAll(round(client, pool, round));
            }

            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            EventStore events = app.bean(EventStore.class);
            for (String id : stored) {
                String stream = owner.orgId() + ":" + id;
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?",
                        Integer.class, stream)).as(id).isEqualTo(1);
                DomainEventMessage<?> first = events.readEvents(stream).next();
                assertThat(CarriedWrites.of(first, "registryWrites")).as(id)
                        .singleElement().satisfies(row -> assertThat(row).contains(id));
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM entity_registry WHERE org_id = ? AND kind = 'ORDER'",
                    Integer.class, owner.orgId())).isEqualTo(stored.size());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One round: {@value #CLIENTS} creates at once, two of which claim the same unique name and one of which is sent
     * twice. Returns the ids stored.
     */
    private static List<String> round(WebTestClient client, ExecutorService pool, int round) {
        List<CompletableFuture<EntityExchangeResult<String>>> sent = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String id = "o-" + round + "-" + (i == CLIENTS - 1 ? 0 : i);
            String name = "ON-" + round + "-" + (i == 2 ? 1 : i);
            Map<String, Object> body = Map.of("id", id, "vendorName", "Acme", "uniqueName", i == CLIENTS - 1
                    ? "ON-" + round + "-0" : name);
            sent.add(CompletableFuture.supplyAsync(() -> client.post().uri("/api/orders")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectBody(String.class).returnResult(), pool));
        }
        List<EntityExchangeResult<String>> answers = sent.stream().map(CompletableFuture::join).toList();
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < CLIENTS - 1; i++) {
            if (i != 1 && i != 2) {
                assertThat(answers.get(i).getStatus().value()).as("create %d", i).isEqualTo(201);
                assertThat(JsonPath.<String>read(answers.get(i).getResponseBody(), "$.id")).isEqualTo("o-" + round
                        + "-" + i);
                stored.add("o-" + round + "-" + i);
            }
        }
        // the two claims of one name: one stored, the other refused
        List<Integer> claims = List.of(answers.get(1).getStatus().value(), answers.get(2).getStatus().value());
        assertThat(claims).containsExactlyInAnyOrder(201, 409);
        stored.add("o-" + round + "-" + (claims.get(0) == 201 ? 1 : 2));
        // the create sent twice: both answered with the one record
        assertThat(answers.get(CLIENTS - 1).getStatus().value()).isEqualTo(201);
        assertThat(JsonPath.<String>read(answers.get(CLIENTS - 1).getResponseBody(), "$.createdAt"))
                .isEqualTo(JsonPath.read(answers.get(0).getResponseBody(), "$.createdAt"));
        return stored;
    }
}
