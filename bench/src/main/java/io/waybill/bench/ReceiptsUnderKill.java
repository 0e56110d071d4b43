package io.waybill.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * F6: purchase-order receipts (each with its own id, the idempotency key, of one unit) from 8 clients, each on its
 * own placed order, while the command side is killed with SIGKILL and started again. Every receipt the order
 * recorded, acknowledged ones first of all, must be in its material's ledger exactly once: as many {@code RECEIVE}
 * entries as recorded receipts, none stored twice, on hand equal to their number, and the purchase-order check clean
 * once the posting process has caught up. A receipt that got no answer, sent again, is acknowledged and still once.
 */
final class ReceiptsUnderKill {

    private static final int CLIENTS = 8;
    private static final String PREFIX = "f6-";

    /** One client's order: its id, its line and its material. */
    private record Order(String id, String line, String material) {
    }

    private final Cluster cluster;
    private final StoreVerifier store;
    private final boolean quick;
    private final List<Order> orders = new ArrayList<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final Queue<long[]> acknowledged = new ConcurrentLinkedQueue<>();
    private volatile boolean loading = true;

    ReceiptsUnderKill(Cluster cluster, StoreVerifier store, boolean quick) {
        this.cluster = cluster;
        this.store = store;
        this.quick = quick;
    }

    Outcome run() throws Exception {
        Outcome.Builder outcome = new Outcome.Builder("F6", "receipts under load, command side killed");
        Fixtures fixtures = new Fixtures(cluster.api());
        String dock = fixtures.location(PREFIX + "dock");
        for (int client = 0; client < CLIENTS; client++) {
            List<String> order = fixtures.placedOrder(PREFIX + "po-" + client, dock);
            orders.add(new Order(order.get(0), order.get(1), order.get(2)));
        }
        long start = System.nanoTime();
        Api api = cluster.api(Duration.ofSeconds(10));
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> receive(api, client), PREFIX + "client-" + c);
            thread.start();
            clients.add(thread);
        }
        ProcessKill kill = new ProcessKill();
        long loadEnds = start + Duration.ofSeconds(quick ? 10 : 60).toNanos();
        double worst = 0;
        for (long offset : kill.strikesAt(quick)) {
            Load.sleepUntil(start + Duration.ofSeconds(offset).toNanos());
            long killed = kill.strike(cluster);
            long deadline = killed + Duration.ofSeconds(60).toNanos();
            while (firstAcknowledgedAfter(killed) == Long.MAX_VALUE && System.nanoTime() < deadline) {
                Load.sleepUntil(System.nanoTime() + 50_000_000);
            }
            long first = firstAcknowledgedAfter(killed);
            outcome.check(first != Long.MAX_VALUE, "nothing was acknowledged after the kill");
            worst = Math.max(worst, first == Long.MAX_VALUE ? 60 : (first - killed) / 1e9);
            loadEnds = Math.max(loadEnds, System.nanoTime() + Duration.ofSeconds(2).toNanos());
        }
        outcome.recoverySeconds = worst;
        Load.sleepUntil(loadEnds);
        loading = false;
        for (Thread thread : clients) {
            thread.join();
        }
        retryUnanswered(outcome);
        awaitPostings(Duration.ofSeconds(120));
        cluster.awaitProjectionsCaughtUp(Duration.ofSeconds(120));
        verify(outcome);
        return outcome.build();
    }

    private void receive(Api api, int client) {
        Order order = orders.get(client);
        for (long n = 0; loading; n++) {
            String receipt = PREFIX + client + "-" + n;
            long sent = System.nanoTime();
            Api.Reply reply = api.post("/api/purchase-orders/" + order.id() + "/receipts",
                    Fixtures.receiptBody(receipt, order.line()));
            answers.put(receipt, reply.status());
            if (reply.ok()) {
                acknowledged.add(new long[] {sent, System.nanoTime()});
            } else {
                // the command side is down or answered that it cannot work now: ask again shortly
                Load.sleepUntil(System.nanoTime() + 200_000_000);
            }
        }
    }

    private long firstAcknowledgedAfter(long moment) {
        return acknowledged.stream().filter(times -> times[0] > moment).mapToLong(times -> times[1]).min()
                .orElse(Long.MAX_VALUE);
    }

    /** A client that got no answer sends the receipt again with its id: acknowledged. */
    private void retryUnanswered(Outcome.Builder outcome) {
        long unanswered = 0;
        long refused = 0;
        for (Map.Entry<String, Integer> answer : answers.entrySet()) {
            if (answer.getValue() >= 200 && answer.getValue() < 300) {
                continue;
            }
            unanswered++;
            Order order = orders.get(clientOf(answer.getKey()));
            refused += cluster.api().post("/api/purchase-orders/" + order.id() + "/receipts",
                    Fixtures.receiptBody(answer.getKey(), order.line())).ok() ? 0 : 1;
        }
        outcome.note(unanswered + " receipts got no answer or an error and were sent again");
        outcome.check(refused == 0, refused + " receipts sent again were not acknowledged");
    }

    /** Waits until the purchase-order check has no entry pending: the posting process has caught up. */
    private void awaitPostings(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Api.Reply reply = cluster.api().get("/api/inventory/verify/purchase-orders");
            if (reply.ok() && reply.json().path("pendingEntries").asLong(1) == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the posting process did not catch up within " + within);
    }

    private void verify(Outcome.Builder outcome) throws Exception {
        long recordedInAll = 0;
        for (int client = 0; client < CLIENTS; client++) {
            Order order = orders.get(client);
            Map<String, Long> recorded = store.receiptsRecorded(order.id());
            Map<String, Long> entries = store.ledgerEntryEvents(order.material(), "RECEIVE");
            recordedInAll += recorded.size();
            for (Map.Entry<String, Integer> answer : answers.entrySet()) {
                if (clientOf(answer.getKey()) != client) {
                    continue;
                }
                long events = recorded.getOrDefault(answer.getKey(), 0L);
                outcome.attempted++;
                if (answer.getValue() >= 200 && answer.getValue() < 300) {
                    outcome.acknowledged++;
                    outcome.found += events > 0 ? 1 : 0;
                    outcome.lost += events == 0 ? 1 : 0;
                }
                outcome.duplicated += Math.max(0, events - 1);
            }
            outcome.duplicated += entries.values().stream().mapToLong(events -> Math.max(0, events - 1)).sum();
            outcome.check(entries.size() == recorded.size(), order.id() + ": " + recorded.size()
                    + " receipts recorded, " + entries.size() + " RECEIVE entries in the ledger");
            String onHand = cluster.api().read("/api/materials-inventory/summary?materialId=" + order.material())
                    .path("data").path(0).path("onHand").asString("0");
            outcome.check(Long.parseLong(onHand) == recorded.size(), order.id() + ": on hand " + onHand + ", "
                    + recorded.size() + " receipts of one");
        }
        var check = cluster.api().read("/api/inventory/verify/purchase-orders");
        outcome.check(check.path("differences").isEmpty(), "the purchase-order check found "
                + check.path("differences"));
        List<String> drift = store.inventoryDifferences();
        outcome.check(drift.isEmpty(), "the drift check found " + drift);
        outcome.note(String.format(Locale.ROOT, "%d receipts recorded on %d orders, each in its ledger once; the"
                + " purchase-order check: %d entries, no difference", recordedInAll, CLIENTS,
                check.path("checkedEntries").asLong()));
    }

    private static int clientOf(String receipt) {
        return Integer.parseInt(receipt.substring(PREFIX.length(), receipt.lastIndexOf('-')));
    }
}
