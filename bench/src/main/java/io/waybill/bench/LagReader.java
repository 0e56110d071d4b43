package io.waybill.bench;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Asks the query side every 5 ms for the orders acknowledged but not read yet, oldest first, 100 a request
 * ({@code GET /api/orders} with repeated {@code sid}), and records each one's lag: from its acknowledgement to the
 * answer that holds it, for those acknowledged from {@code countFrom} on (a {@link System#nanoTime()}); earlier ones
 * are read the same way and not counted. It also keeps, by second from {@code countFrom}, how many lags were over
 * {@link #LATE} and how many of its requests took longer than {@link #SLOW_REQUEST}, so that a run says when its tail
 * came and whether the reader's own requests were slow then.
 */
final class LagReader extends Thread {

    private static final long LATE = 100_000_000;
    private static final long SLOW_REQUEST = 50_000_000;

    private final Api api;
    private final Map<String, Long> pending;
    private final Latencies lags;
    private final long countFrom;
    private volatile boolean writing = true;
    private final Map<Long, int[]> lateBySecond = new TreeMap<>();
    private final Instant countedFrom;

    LagReader(Api api, Map<String, Long> pending, Latencies lags, long countFrom) {
        super("lag-reader");
        this.api = api;
        this.pending = pending;
        this.lags = lags;
        this.countFrom = countFrom;
        this.countedFrom = Instant.now().plusNanos(countFrom - System.nanoTime()).truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void run() {
        while (writing || !pending.isEmpty()) {
            List<String> oldestFirst = pending.entrySet().stream().sorted(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).toList();
            for (int from = 0; from < oldestFirst.size(); from += 100) {
                ask(oldestFirst.subList(from, Math.min(oldestFirst.size(), from + 100)));
            }
            Load.sleepUntil(System.nanoTime() + 5_000_000);
            if (isInterrupted()) {
                return;
            }
        }
    }

    /** One request for up to 100 orders (the list's limit for {@code sid}). */
    private void ask(List<String> sids) {
        StringBuilder path = new StringBuilder("/api/orders?limit=100");
        sids.forEach(sid -> path.append("&id=").append(sid));
        long asked = System.nanoTime();
        Api.Reply reply = api.get(path.toString());
        long answered = System.nanoTime();
        if (answered - asked > SLOW_REQUEST && asked - countFrom >= 0) {
            late(asked)[1]++;
        }
        if (reply.ok()) {
            for (JsonNode order : reply.json().path("data")) {
                Long acknowledged = pending.remove(order.path("id").asString());
                if (acknowledged != null && acknowledged - countFrom >= 0) {
                    lags.add(answered - acknowledged);
                    if (answered - acknowledged > LATE) {
                        late(acknowledged)[0]++;
                    }
                }
            }
        }
    }

    private int[] late(long at) {
        return lateBySecond.computeIfAbsent((at - countFrom) / 1_000_000_000L, second -> new int[2]);
    }

    /**
     * The seconds (from the start of counting) in which lags over 100 ms were acknowledged or the reader's requests
     * took over 50 ms, with how many of each: {@code 12 s: 40/2}.
     */
    String tail() {
        StringBuilder text = new StringBuilder();
        lateBySecond.forEach((second, counts) -> text.append(text.isEmpty() ? "" : ", ").append(second)
                .append(" s: ").append(counts[0]).append('/').append(counts[1]));
        return (text.isEmpty() ? "none" : text.toString()) + " (counted from " + countedFrom + ")";
    }

    /** Stops once every acknowledged order has been read; fails if one is not readable within the deadline. */
    void finish(Duration within) throws InterruptedException {
        writing = false;
        join(within.toMillis());
        if (isAlive()) {
            interrupt();
            throw new IllegalStateException(pending.size() + " acknowledged orders were not readable within "
                    + within);
        }
    }
}
