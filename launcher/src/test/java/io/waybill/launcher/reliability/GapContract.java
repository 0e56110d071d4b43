package io.waybill.launcher.reliability;

import io.waybill.launcher.WaybillApplication;
import io.waybill.launcher.reliability.GapRecording.CommandHold;
import io.waybill.launcher.reliability.GapWorkload.Acknowledged;
import io.waybill.testing.RunningApp;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Global indexes are taken when events are inserted, and transactions commit in another order, so a projection
 * reading the store sees gaps that fill later. Concurrent writers over HTTP, and one order create held after its
 * event is stored until every projection has read far past it: every event in the store must then be applied by
 * every processing group exactly once, the held one included, and the read models must show what was acknowledged.
 */
abstract class GapContract {

    private static final int ORGANISATIONS = 4;
    /** How far every projection reads past the held event before it commits. */
    private static final long PASSED_POSITIONS = 500;
    private static final String HELD_ORDER = "held-order";

    protected abstract Map<String, Object> database();

    protected abstract int writers();

    protected abstract Duration writeFor();

    @Test
    void everyEventReachesEveryProjectionExactlyOnceAlsoWhenItCommitsLate() throws Exception {
        try (RunningApp app = RunningApp.start(database(), WaybillApplication.class, GapRecording.class)) {
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            List<String> groups = app.bean(GapRecording.RecordedGroups.class).names();
            assertThat(new TreeSet<>(app.bean(EventProcessingConfiguration.class).eventProcessors().keySet()))
                    .as("every processor records in its group").containsExactlyElementsOf(groups);
            List<Acknowledged> organisations = new ArrayList<>();
            for (int k = 0; k < ORGANISATIONS; k++) {
                var credentials = app.organisation("gap-" + k);
                organisations.add(GapWorkload.open(app.client(credentials), credentials.orgId()));
            }

            Written written = write(app, organisations);

            AppliedEventLog applied = new AppliedEventLog(jdbc, groups);
            applied.awaitEveryEventApplied(Duration.ofSeconds(90));
            long events = applied.storedEvents();
            Map<String, List<Long>> late = applied.lateApplications();
            System.out.printf("gap test: %d writers, %d requests and %d events in %d ms (%.0f events/s); event %d "
                            + "held %d ms while every projection read %d positions past it; late applications %s%n",
                    writers(), written.requests(), events, written.took().toMillis(),
                    events * 1000.0 / written.took().toMillis(), written.heldIndex(), written.heldFor().toMillis(),
                    PASSED_POSITIONS, counts(late));
            for (String group : groups) {
                assertThat(applied.missing(group)).as("events %s never applied", group).isEmpty();
                assertThat(applied.duplicates(group)).as("events %s applied more than once", group).isEmpty();
                assertThat(applied.unknown(group)).as("events %s applied but not stored", group).isEmpty();
                assertThat(late.get(group)).as("the held event reached %s after later ones", group)
                        .contains(written.heldIndex());
            }
            organisations.forEach(acks -> assertReadModelsShow(jdbc, acks));
        }
    }

    private record Written(int requests, Duration took, long heldIndex, Duration heldFor) {
    }

    /**
     * The writers run for {@link #writeFor()}, and on until the held create is released: once its event is stored,
     * it stays uncommitted until every segment of every projection has read {@link #PASSED_POSITIONS} past it.
     */
    private Written write(RunningApp app, List<Acknowledged> organisations) throws Exception {
        CommandHold hold = app.bean(CommandHold.class);
        Instant start = Instant.now();
        Instant until = start.plus(writeFor());
        BooleanSupplier writing = () -> Instant.now().isBefore(until) || !hold.released();
        ExecutorService pool = Executors.newFixedThreadPool(writers());
        try {
            List<Future<Integer>> writes = new ArrayList<>();
            for (int w = 0; w < writers(); w++) {
                Acknowledged acks = organisations.get(w % ORGANISATIONS);
                var client = app.client(app.organisation("gap-" + w % ORGANISATIONS));
                String writer = "w" + w;
                writes.add(pool.submit(() -> GapWorkload.write(client, acks, writer, writing)));
            }
            hold.arm(HELD_ORDER);
            var heldCreate = createHeldOrder(app);
            await().atMost(Duration.ofSeconds(30)).until(() -> hold.heldIndex() >= 0);
            long heldIndex = hold.heldIndex();
            Instant heldAt = Instant.now();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> everySegmentRead(app, heldIndex + PASSED_POSITIONS));
            Duration heldFor = Duration.between(heldAt, Instant.now());
            hold.release();
            HttpResponse<String> created = heldCreate.get(30, TimeUnit.SECONDS);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            organisations.get(0).orders.incrementAndGet();
            int requests = 0;
            for (Future<Integer> write : writes) {
                requests += write.get(90, TimeUnit.SECONDS);
            }
            return new Written(requests, Duration.between(start, Instant.now()), heldIndex, heldFor);
        } finally {
            hold.release();
            pool.shutdownNow();
        }
    }

    /**
     * On a connection of its own: the writers' client has a bounded connection pool, and a writer waiting for the
     * held request's connection would wait as long as the hold.
     */
    private static CompletableFuture<HttpResponse<String>> createHeldOrder(RunningApp app) {
        var credentials = app.organisation("gap-0");
        var request = HttpRequest.newBuilder(URI.create("http://localhost:"
                        + app.context().getEnvironment().getProperty("local.server.port") + "/api/orders"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + credentials.token())
                .header("X-Org-Id", credentials.orgId())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"id\":\"" + HELD_ORDER + "\",\"vendorName\":\"Late Vendor\"}"))
                .build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Every segment of every projection has read past the position, so each passed over the held gap. */
    private static boolean everySegmentRead(RunningApp app, long position) {
        return app.bean(GapRecording.RecordedGroups.class).names().stream().allMatch(name -> {
            var status = Projections.processor(app.context(), name).processingStatus();
            return !status.isEmpty() && status.values().stream()
                    .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= position);
        });
    }

    private static void assertReadModelsShow(JdbcTemplate jdbc, Acknowledged acks) {
        assertThat(count(jdbc, "order_view", acks.orgId)).as("orders").isEqualTo(acks.orders.get());
        assertThat(count(jdbc, "item_view", acks.orgId)).as("items").isEqualTo(acks.items.get());
        assertThat(count(jdbc, "catalog_view", acks.orgId)).as("catalog records").isEqualTo(acks.catalogRecords.get());
        Map<String, Long> versions = new TreeMap<>();
        jdbc.query("SELECT sid, version FROM item_group_view WHERE org_id = ?",
                row -> {
                    versions.put(row.getString(1), row.getLong(2));
                }, acks.orgId);
        assertThat(versions).as("item group versions").isEqualTo(new TreeMap<>(acks.lotVersions));
        BigDecimal onHand = jdbc.queryForObject("SELECT on_hand FROM inventory_balance WHERE org_id = ? "
                + "AND item_id = ? AND location_id = ?", BigDecimal.class, acks.orgId, acks.material, acks.location);
        assertThat(onHand).as("on hand").isEqualByComparingTo(acks.onHand());
    }

    private static int count(JdbcTemplate jdbc, String table, String orgId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE org_id = ?", Integer.class, orgId);
    }

    private static Map<String, Integer> counts(Map<String, List<Long>> late) {
        Map<String, Integer> counts = new TreeMap<>();
        late.forEach((group, indexes) -> counts.put(group, indexes.size()));
        return counts;
    }
}
