package io.waybill.launcher.reliability;

import io.waybill.command.CommandSideApplication;
import io.waybill.command.inventory.StockPostings;
import io.waybill.command.support.SideTables;
import io.waybill.platform.persistence.DatabaseNotifications;
import io.waybill.testing.RunningApp;
import io.waybill.testing.RunningApp.Credentials;
import io.waybill.testing.TestDatabases;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A command side on its own reads the events it appends at the store's next poll, not right after each commit
 * ({@code waybill.event-store.read-on-commit=false}, its default when started alone), nor listens for other
 * processes' commits: its processors still reach every event it stored.
 */
class OwnEventsReadByPollIT {

    @Test
    void theCommandSidesProcessorsReachEveryEventItStored() {
        String database = TestDatabases.createPostgresDatabase();
        Map<String, Object> properties = new HashMap<>(TestDatabases.postgres(database));
        properties.put("waybill.event-store.read-on-commit", "false");
        try (RunningApp app = RunningApp.start(CommandSideApplication.class, properties)) {
            await().atMost(Duration.ofSeconds(30)).until(app.bean(DatabaseNotifications.class)::listening);
            assertThat(app.bean(JdbcTemplate.class).queryForList("SELECT query FROM pg_stat_activity WHERE "
                    + "datname = current_database() AND query LIKE 'LISTEN%'", String.class))
                    .as("listening for access changes only").isNotEmpty().noneMatch(query -> query.contains("events"));
            Credentials owner = app.organisation("polled");
            for (int i = 0; i < 5; i++) {
                app.client(owner).post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("vendorName", "Acme " + i)).exchange().expectStatus().isCreated();
            }
            long head = app.bean(JdbcTemplate.class).queryForObject("SELECT MAX(globalindex) FROM domainevententry",
                    Long.class);

            EventProcessingConfiguration processing = app.bean(EventProcessingConfiguration.class);
            for (String name : List.of(SideTables.PROCESSOR, StockPostings.PROCESSOR)) {
                StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                        .orElseThrow();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(processor.processingStatus()
                        .values()).as(name).isNotEmpty().allSatisfy((EventTrackerStatus status) ->
                        assertThat(status.getCurrentPosition().orElse(-1)).isGreaterThanOrEqualTo(head)));
            }
        }
    }
}
