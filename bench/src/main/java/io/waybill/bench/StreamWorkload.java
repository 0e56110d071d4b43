package io.waybill.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * W7: 1,000 subscribers, each to one item group's live stream on the query side, while patches that record four
 * events each are written at 250 a second (1,000 events a second) spread over those item groups. Afterwards every
 * subscriber's ids are checked against the event store: none missing, none repeated, in order.
 */
final class StreamWorkload {

    private static final int SUBSCRIBERS = 1_000;
    private static final double PATCHES_PER_SECOND = 250;

    private final Cluster cluster;
    private final Api api;
    private final Report report;

    StreamWorkload(Cluster cluster, Report report) {
        this.cluster = cluster;
        this.api = cluster.api();
        this.report = report;
    }

    /**
     * Warms both processes under the same load first (streams opened, patches written and delivered, every round
     * with streams of its own), so that the runs measure a compiled service, as W1, W4 and W6 do.
     */
    void run(Duration measured, Duration settle, int runs) throws Exception {
        List<String> groups = new Fixtures(api).itemGroups("w7", SUBSCRIBERS / 100, 100).stream()
                .flatMap(List::stream).toList();
        Warmup.untilCompiled("W7", cluster.nodes(), settle, (time, round) -> measure(groups, time, "W" + round + "-"));
        List<Round> rounds = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            rounds.add(measure(groups, measured, "S" + run + "-"));
        }
        String what = SUBSCRIBERS + " streams";
        report.add(new Report.Figure("W7", what + ": events written", "events/s", of(rounds, Round::rate), List.of(),
                null, of(rounds, Round::generatorShare)));
        report.add(new Report.Figure("W7", what + ": delivery p50", "ms", of(rounds, Round::p50), List.of(), null,
                List.of()));
        report.add(new Report.Figure("W7", what + ": delivery p99", "ms", of(rounds, Round::p99), List.of(), null,
                List.of()));
        report.add(new Report.Figure("W7", what + ": events missed", "count", of(rounds, Round::missed), List.of(),
                null, List.of()));
        report.add(new Report.Figure("W7", what + ": repeated or out of order", "count", of(rounds, Round::repeated),
                List.of(), null, List.of()));
    }

    private record Round(double rate, double p50, double p99, double generatorShare, double missed, double repeated) {
    }

    private static List<Double> of(List<Round> rounds, ToDoubleFunction<Round> figure) {
        return rounds.stream().map(figure::applyAsDouble).toList();
    }

    /**
     * Opens a stream on each item group from the store's head, writes patches for {@code time}, and waits until every
     * stream has its item group's events (up to a minute) before closing them.
     */
    private Round measure(List<String> groups, Duration time, String tag) throws Exception {
        long head = cluster.database().count("SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry");
        Latencies latencies = new Latencies();
        CountDownLatch opened = new CountDownLatch(groups.size());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, StreamSubscriber> subscribers = new LinkedHashMap<>();
        for (String group : groups) {
            subscribers.put(group, StreamSubscriber.open(http, api,
                    "/api/item-groups/" + group + "/events/stream?after=" + head, latencies, opened));
        }
        if (!opened.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(opened.getCount() + " streams did not open within 60 s");
        }
        Load.Result writes = Load.paced(32, PATCHES_PER_SECOND, Duration.ZERO, time, (client, n) -> {
            String group = groups.get(ThreadLocalRandom.current().nextInt(groups.size()));
            String date = LocalDate.of(2027, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(700)).toString();
            return api.patch("/api/item-groups/" + group, "{\"trackingNumber\":\"" + tag + client + "-" + n
                    + "\",\"dueDate\":\"" + date + "\",\"shipDate\":\"" + date + "\",\"estimatedArrivalDate\":\""
                    + date + "\"}", null).ok();
        });
        Map<String, List<Long>> expected = storedAfter(head);
        long events = expected.values().stream().mapToLong(List::size).sum();
        Delivery delivery = awaitDelivery(subscribers, expected, Duration.ofSeconds(60));
        subscribers.values().forEach(StreamSubscriber::close);
        return new Round(events / (double) time.toSeconds(), latencies.percentileMillis(50),
                latencies.percentileMillis(99), writes.generatorCpuShare(), delivery.missed(), delivery.repeated());
    }

    record Delivery(long missed, long repeated) {
    }

    /** Waits (up to the deadline) until every subscriber has every event of its item group, then compares. */
    private static Delivery awaitDelivery(Map<String, StreamSubscriber> subscribers, Map<String, List<Long>> expected,
                                          Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long missed = 0;
            long repeated = 0;
            for (Map.Entry<String, StreamSubscriber> subscriber : subscribers.entrySet()) {
                List<Long> received = subscriber.getValue().ids();
                List<Long> wanted = expected.getOrDefault(subscriber.getKey(), List.of());
                HashSet<Long> got = new HashSet<>(received);
                missed += wanted.stream().filter(id -> !got.contains(id)).count();
                for (int i = 1; i < received.size(); i++) {
                    if (received.get(i) <= received.get(i - 1)) {
                        repeated++;
                    }
                }
            }
            if (missed == 0 || System.nanoTime() > deadline) {
                return new Delivery(missed, repeated);
            }
            Thread.sleep(100);
        }
    }

    private Map<String, List<Long>> storedAfter(long head) throws Exception {
        Map<String, List<Long>> events = new HashMap<>();
        try (Connection connection = cluster.database().connect();
             PreparedStatement statement = connection.prepareStatement("SELECT aggregateidentifier, globalindex "
                     + "FROM domainevententry WHERE globalindex > ? ORDER BY globalindex")) {
            statement.setLong(1, head);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.computeIfAbsent(rows.getString(1), a -> new ArrayList<>()).add(rows.getLong(2));
                }
            }
        }
        return events;
    }
}
