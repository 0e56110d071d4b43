package io.waybill.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** W6: 100-event timelines read over HTTP from the query side (which reads them from the event store). */
final class TimelineWorkload {

    private static final int CLIENTS = 8;
    private static final int EVENTS = 100;

    private final Cluster cluster;
    private final Api api;
    private final Report report;

    TimelineWorkload(Cluster cluster, Report report) {
        this.cluster = cluster;
        this.api = cluster.api();
        this.report = report;
    }

    void run(List<Double> aggregateReads, Duration warmup, Duration measured, Duration settle, int runs)
            throws Exception {
        List<String> groups = timelines();
        Load.Operation read = (client, n) -> {
            String group = groups.get(ThreadLocalRandom.current().nextInt(groups.size()));
            return api.get("/api/item-groups/" + group + "/events?limit=" + EVENTS).ok();
        };
        Warmup.untilCompiled("W6", cluster.nodes(), settle, (time, round) -> Load.warm(CLIENTS, time, read));
        Runs results = new Runs();
        for (int run = 0; run < runs; run++) {
            results.add(Load.closedLoop(CLIENTS, warmup, measured, read));
        }
        results.report(report, "W6", "timeline reads, " + EVENTS + " events, " + CLIENTS + " clients",
                aggregateReads, "pgbench read of 100 events by aggregate, " + CLIENTS + " clients");
    }

    /** Item groups with a created event and 99 tracking-number changes each. */
    private List<String> timelines() throws Exception {
        List<String> groups = new Fixtures(api).itemGroups("w6", CLIENTS, 1).stream().map(list -> list.get(0))
                .toList();
        List<Thread> writers = new ArrayList<>();
        for (String group : groups) {
            Thread writer = new Thread(() -> {
                for (int i = 1; i < EVENTS; i++) {
                    Api.Reply reply = api.patch("/api/item-groups/" + group, "{\"trackingNumber\":\"T" + i + "\"}", null);
                    if (!reply.ok()) {
                        throw new IllegalStateException("a timeline patch failed: " + reply.body());
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        int size = api.read("/api/item-groups/" + groups.get(0) + "/events?limit=" + EVENTS).path("data").size();
        if (size != EVENTS) {
            throw new IllegalStateException("a timeline holds " + size + " events, not " + EVENTS);
        }
        return groups;
    }
}
