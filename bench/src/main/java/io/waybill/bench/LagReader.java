package io.waybill.bench;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Asks the query side every 5 ms for the orders acknowledged but not read yet, oldest first, 100 a request
 * ({@code GET /api/orders} with repeated {@code sid}), and records each one's lag: from its acknowledgement to the
 * answer that holds it, for those acknowledged from {@code countFrom} on (a {@link System#nanoTime()}); earlier ones
 * are read the same way and not counted.
 */
final class LagReader extends Thread {

    private final Api api;
    private final Map<String, Long> pending;
    private final Latencies lags;
    private final long countFrom;
    private volatile boolean writing = true;

    LagReader(Api api, Map<String, Long> pending, Latencies lags, long countFrom) {
        super("lag-reader");
        this.api = api;
        this.pending = pending;
        this.lags = lags;
        this.countFrom = countFrom;
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
        Api.Reply reply = api.get(path.toString());
        long answered = System.nanoTime();
        if (reply.ok()) {
            for (JsonNode order : reply.json().path("data")) {
                Long acknowledged = pending.remove(order.path("id").asString());
                if (acknowledged != null && acknowledged - countFrom >= 0) {
                    lags.add(answered - acknowledged);
                }
            }
        }
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
