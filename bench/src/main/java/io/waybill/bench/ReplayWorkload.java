package io.waybill.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * W5: projections rebuilt from about 1,000,000 events. The events are copies of one order's history (the order,
 * a line, and a lot created, shipped and delivered) under new sids, written straight into the event store while
 * the query side is stopped. The query side then catches up with them (every projection at once; the rate counts
 * the events written while it was stopped, the only ones it has to read), and the {@code item-groups} projection
 * is replayed, blue/green, from the first event (the rate counts every event of the store, those the workloads
 * before wrote too).
 */
final class ReplayWorkload {

    private static final String TEMPLATE = "w5tpl";
    private static final String PROJECTION = "item-groups";

    private final Cluster cluster;
    private final Report report;

    ReplayWorkload(Cluster cluster, Report report) {
        this.cluster = cluster;
        this.report = report;
    }

    void run(int events, int runs, Baselines baselines) throws Exception {
        Api api = cluster.api();
        Fixtures fixtures = new Fixtures(api);
        String line = fixtures.orderLine(TEMPLATE);
        fixtures.itemGroup(TEMPLATE + "-lot", line);
        api.patch("/api/item-groups/" + TEMPLATE + "-lot", "{\"shipped\":true,\"shipDate\":\"2026-11-20\"}", null);
        api.patch("/api/item-groups/" + TEMPLATE + "-lot", "{\"delivered\":true,\"deliveryDate\":\"2026-11-28\"}",
                null);
        cluster.awaitProjectionsCaughtUp(Duration.ofMinutes(2));
        cluster.querySide().stop();
        // an order's and an item group's streams are named <orgId>:<id> (RecordStreams)
        long perCopy = cluster.database().count("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier "
                + "LIKE '%:" + TEMPLATE + "%'");
        long before = storeSize();
        long copies = Math.max(1, events / perCopy);
        long started = System.nanoTime();
        cluster.database().execute("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, "
                + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                + "SELECT replace(e.aggregateidentifier, '" + TEMPLATE + "', 'w5c' || g), e.sequencenumber, e.type, "
                + "gen_random_uuid()::text, e.metadata, convert_to(replace(convert_from(e.payload, 'UTF8'), '"
                + TEMPLATE + "', 'w5c' || g), 'UTF8'), e.payloadrevision, e.payloadtype, e.timestamp "
                + "FROM generate_series(1, " + copies + ") g CROSS JOIN domainevententry e "
                + "WHERE e.aggregateidentifier LIKE '%:" + TEMPLATE + "%' ORDER BY g, e.globalindex");
        long total = storeSize();
        System.out.printf("  W5: %,d events in the store, %,d of them written (%,d copies of %d events) in %.0f s%n",
                total, total - before, copies, perCopy, (System.nanoTime() - started) / 1e9);

        List<Double> raw = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            raw.add(baselines.readPlusWrite(cluster.database(), 500));
        }
        started = System.nanoTime();
        cluster.querySide().start();
        cluster.awaitProjectionsCaughtUp(Duration.ofMinutes(60));
        double catchUp = (System.nanoTime() - started) / 1e9;
        report.add(new Report.Figure("W5", "catch-up of every projection", "events/s",
                List.of((total - before) / catchUp), raw, "JDBC keyset read + batched upsert, 500 a page", List.of()));

        List<Double> rates = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            started = System.nanoTime();
            new StoreVerifier(cluster.database(), api).replay(PROJECTION, Duration.ofMinutes(60));
            rates.add(total / ((System.nanoTime() - started) / 1e9));
        }
        report.add(new Report.Figure("W5", "replay of " + PROJECTION + " (blue/green)", "events/s", rates, raw,
                "JDBC keyset read + batched upsert, 500 a page", List.of()));
    }

    private long storeSize() throws Exception {
        return cluster.database().count("SELECT COUNT(*) FROM domainevententry");
    }
}
