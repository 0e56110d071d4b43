package io.waybill.launcher.reliability;

import com.jayway.jsonpath.JsonPath;
import io.waybill.command.CommandSideApplication;
import io.waybill.platform.persistence.DatabaseNotifications;
import io.waybill.query.QuerySideApplication;
import io.waybill.testing.RunningApp;
import io.waybill.testing.RunningApp.Credentials;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A query side in another process reads the events a command side commits when PostgreSQL's notification of the
 * commit arrives, not at its next poll of the event store: here the polls (the projections' and the streams') are
 * an hour away, and each order is still readable, and streamed, within seconds, also after the listening connection
 * was lost and set up again.
 */
class EventsHeardAcrossProcessesIT {

    private static final Duration READABLE_WITHIN = Duration.ofSeconds(10);

    @Test
    void anOrderCreatedInOneProcessIsReadableInAnotherLongBeforeItsNextPoll() {
        String database = TestDatabases.createPostgresDatabase();
        Map<String, Object> querySide = new HashMap<>(TestDatabases.postgres(database));
        querySide.put("waybill.event-store.fetch-delay", "1h");
        querySide.put("waybill.streams.poll-interval", "1h");
        Map<String, Object> commandSide = new HashMap<>(TestDatabases.postgres(database));
        commandSide.put("waybill.event-store.read-on-commit", "false");
        try (RunningApp commands = RunningApp.start(CommandSideApplication.class, commandSide);
             RunningApp queries = RunningApp.start(QuerySideApplication.class, querySide)) {
            await().atMost(Duration.ofSeconds(30)).until(queries.bean(DatabaseNotifications.class)::listening);
            Credentials owner = commands.organisation("heard");
            for (int i = 0; i < 3; i++) {
                awaitReadable(queries, owner, create(commands, owner, "Acme " + i));
            }
            List<ServerSentEvent<String>> streamed = new CopyOnWriteArrayList<>();
            Disposable stream = queries.client(owner).get().uri("/api/events/stream?after=now")
                    .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                    .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                    }).getResponseBody().subscribe(streamed::add, failure -> { });
            try {
                await().atMost(READABLE_WITHIN).until(() -> streamed.stream()
                        .anyMatch(message -> "stream open".equals(message.comment())));
                String streamedId = create(commands, owner, "Acme streamed");
                await().atMost(READABLE_WITHIN).until(() -> streamed.stream()
                        .anyMatch(message -> message.data() != null && message.data().contains(streamedId)));
            } finally {
                stream.dispose();
            }

            JdbcTemplate jdbc = queries.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                    + "current_database() AND query LIKE 'LISTEN%waybill_events%'", Boolean.class))
                    .as("the query side's listening connection, ended").containsExactly(true);
            awaitReadable(queries, owner, create(commands, owner, "Acme after the loss"));
            assertThat(queries.bean(DatabaseNotifications.class).listening()).isTrue();
        }
    }

    private static String create(RunningApp commands, Credentials owner, String vendor) {
        String created = commands.client(owner).post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("vendorName", vendor)).exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        return JsonPath.read(created, "$.id");
    }

    private static void awaitReadable(RunningApp queries, Credentials owner, String id) {
        await().atMost(READABLE_WITHIN).untilAsserted(() -> queries.client(owner).get().uri("/api/orders/{id}", id)
                .exchange().expectStatus().isOk());
    }
}
