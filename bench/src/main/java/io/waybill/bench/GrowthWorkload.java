package io.waybill.bench;

import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * W8: the latency of a command on a ledger with 100,000 entries against one with 10. The large ledger's entries
 * are copies of one receipt written straight into the event store (each with its own entry id and code), so that
 * building it takes seconds; the projections apply them like any other events before the measurement.
 */
final class GrowthWorkload {

    private final Cluster cluster;
    private final Api api;
    private final Report report;

    GrowthWorkload(Cluster cluster, Report report) {
        this.cluster = cluster;
        this.api = cluster.api();
        this.report = report;
    }

    void run(int entries, int commands, int runs) throws Exception {
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location("W8 store");
        String small = fixtures.stockedMaterial("W8-SMALL", location, 1);
        String large = fixtures.stockedMaterial("W8-LARGE", location, 1);
        for (int i = 1; i < 10; i++) {
            require(fixtures.receive(small, location, 1));
            require(fixtures.receive(large, location, 1));
        }
        long copied = copyLastEntry(large, entries - 10);
        System.out.printf("  W8: %,d entries copied into the large ledger; the projections apply them%n", copied);
        cluster.awaitProjectionsCaughtUp(Duration.ofMinutes(15));
        List<Double> smallP50 = new ArrayList<>();
        List<Double> largeP50 = new ArrayList<>();
        List<Double> smallP99 = new ArrayList<>();
        List<Double> largeP99 = new ArrayList<>();
        List<Double> firstLarge = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Latencies smallLatencies = new Latencies();
            Latencies largeLatencies = new Latencies();
            for (int i = 0; i < commands; i++) {
                smallLatencies.add(require(fixtures.receive(small, location, 1)).nanos());
                Api.Reply reply = require(fixtures.receive(large, location, 1));
                if (i == 0) {
                    firstLarge.add(reply.nanos() / 1e6);
                } else {
                    largeLatencies.add(reply.nanos());
                }
            }
            smallP50.add(smallLatencies.percentileMillis(50));
            smallP99.add(smallLatencies.percentileMillis(99));
            largeP50.add(largeLatencies.percentileMillis(50));
            largeP99.add(largeLatencies.percentileMillis(99));
        }
        String large100k = String.format("%,d entries", entries);
        report.add(new Report.Figure("W8", "receipt on a ledger of " + large100k + ": p50", "ms", largeP50, smallP50,
                "the same on a ledger of 10 entries: p50", List.of()));
        report.add(new Report.Figure("W8", "receipt on a ledger of " + large100k + ": p99", "ms", largeP99, smallP99,
                "the same on a ledger of 10 entries: p99", List.of()));
        report.add(new Report.Figure("W8", "first receipt of a run, " + large100k, "ms", firstLarge, List.of(), null,
                List.of()));
    }

    private static Api.Reply require(Api.Reply reply) {
        if (!reply.ok()) {
            throw new IllegalStateException("a receipt failed: " + reply.status() + " " + reply.body());
        }
        return reply;
    }

    /** Appends {@code copies} copies of the material ledger's last event, each with a new entry id and code. */
    private long copyLastEntry(String material, int copies) throws Exception {
        try (Connection connection = cluster.database().connect()) {
            String ledger;
            long sequence;
            String payload;
            try (PreparedStatement last = connection.prepareStatement("SELECT aggregateidentifier, sequencenumber, "
                    + "convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? "
                    + "ORDER BY sequencenumber DESC LIMIT 1")) {
                last.setString(1, "ledger-" + material);
                try (ResultSet rows = last.executeQuery()) {
                    rows.next();
                    ledger = rows.getString(1);
                    sequence = rows.getLong(2);
                    payload = rows.getString(3);
                }
            }
            JsonNode entry = Api.JSON.readTree(payload).path("entry");
            try (PreparedStatement copy = connection.prepareStatement("INSERT INTO domainevententry "
                    + "(aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, "
                    + "payloadtype, timestamp) SELECT e.aggregateidentifier, e.sequencenumber + g, e.type, "
                    + "gen_random_uuid()::text, e.metadata, convert_to(replace(replace(convert_from(e.payload, 'UTF8'), "
                    + "?, md5('w8-' || g)::uuid::text), ?, 'LE-W8-' || g), 'UTF8'), e.payloadrevision, e.payloadtype, "
                    + "e.timestamp FROM domainevententry e CROSS JOIN generate_series(1, ?) g "
                    + "WHERE e.aggregateidentifier = ? AND e.sequencenumber = ? ORDER BY g")) {
                copy.setString(1, entry.path("id").asString());
                copy.setString(2, entry.path("code").asString());
                copy.setInt(3, copies);
                copy.setString(4, ledger);
                copy.setLong(5, sequence);
                return copy.executeUpdate();
            }
        }
    }
}
