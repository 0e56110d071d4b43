package io.waybill.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * F1 and F3: item-group creates (each with its own sid, the idempotency key) from 16 clients while a fault strikes:
 * the command side killed with SIGKILL and started again (F1), or PostgreSQL stopped and started again (F3). Every
 * acknowledged create must be in the store exactly once; one that got no answer or an error is either wholly there
 * (event, registry row, read-model row) or not at all, and sent again with its sid it is acknowledged without a
 * second event.
 */
final class WritesUnderFault {

    /** What strikes the service under the load. */
    interface Fault {

        /** Strikes and ends the fault; answers when the service may work again (recovery is counted from then). */
        long strike(Cluster cluster) throws Exception;

        String name();

        /** Seconds into the load at which it strikes. */
        List<Long> strikesAt(boolean quick);

        /** Checks the answers given while the fault lasted. */
        default void checkAnswers(Outcome.Builder outcome, List<Answer> answers) {
        }
    }

    /** One create: when it was sent, how long its answer took, and its status (0: none). */
    record Answer(long sent, long nanos, int status) {
    }

    private static final int CLIENTS = 16;

    private final String id;
    private final String title;
    private final String prefix;
    private final Fault fault;
    private final Queue<Answer> timeline = new ConcurrentLinkedQueue<>();
    private final Cluster cluster;
    private final StoreVerifier store;
    private final boolean quick;
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final Queue<long[]> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicLong notConnected = new AtomicLong();
    private volatile boolean loading = true;

    WritesUnderFault(String id, String title, Fault fault, Cluster cluster, StoreVerifier store, boolean quick) {
        this.id = id;
        this.title = title;
        this.prefix = id.toLowerCase(Locale.ROOT) + "-";
        this.fault = fault;
        this.cluster = cluster;
        this.store = store;
        this.quick = quick;
    }

    Outcome run() throws Exception {
        Outcome.Builder outcome = new Outcome.Builder(id, title);
        Fixtures fixtures = new Fixtures(cluster.api());
        for (int client = 0; client < CLIENTS; client++) {
            lines.add(fixtures.orderLine(prefix + "order-" + client));
        }
        long start = System.nanoTime();
        long loadEnds = start + Duration.ofSeconds(quick ? 10 : 60).toNanos();
        Api api = cluster.api(Duration.ofSeconds(10));
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> create(api, client, lines.get(client)), prefix + "client-" + c);
            thread.start();
            clients.add(thread);
        }
        List<Long> recoveries = new ArrayList<>();
        for (long offset : fault.strikesAt(quick)) {
            Load.sleepUntil(start + Duration.ofSeconds(offset).toNanos());
            long recovered = fault.strike(cluster);
            recoveries.add(recovered);
            // the load goes on until the service acknowledges again (at most a minute), and 2 s more
            long deadline = recovered + Duration.ofSeconds(60).toNanos();
            while (acknowledged.stream().noneMatch(times -> times[0] > recovered) && System.nanoTime() < deadline) {
                Load.sleepUntil(System.nanoTime() + 50_000_000);
            }
            loadEnds = Math.max(loadEnds, System.nanoTime() + Duration.ofSeconds(2).toNanos());
        }
        Load.sleepUntil(loadEnds);
        loading = false;
        for (Thread thread : clients) {
            thread.join();
        }
        recovery(outcome, recoveries, start);
        fault.checkAnswers(outcome, List.copyOf(timeline));
        cluster.awaitProjectionsCaughtUp(Duration.ofSeconds(120));
        verify(outcome);
        return outcome.build();
    }

    private void create(Api api, int client, String line) {
        for (long n = 0; loading; n++) {
            String sid = prefix + client + "-" + n;
            long sent = System.nanoTime();
            Api.Reply reply = api.post("/api/item-groups", Fixtures.itemGroupBody(sid, line));
            answers.put(sid, reply.status());
            timeline.add(new Answer(sent, reply.nanos(), reply.status()));
            if (reply.ok()) {
                acknowledged.add(new long[] {sent, System.nanoTime()});
            } else if (reply.status() == 0) {
                notConnected.addAndGet(reply.body().contains("ConnectException") ? 1 : 0);
                // the command side is down: ask again shortly rather than spin on refused connections
                Load.sleepUntil(System.nanoTime() + 200_000_000);
            } else if (reply.status() >= 500) {
                // the service answered that it cannot work now (503 while the database is away): back off a little
                Load.sleepUntil(System.nanoTime() + 50_000_000);
            }
        }
    }

    /**
     * From each fault's end to the first acknowledgement of a create sent after it (an answer of a killed process
     * may be noted an instant after the kill, so only creates sent later count).
     */
    private void recovery(Outcome.Builder outcome, List<Long> recoveries, long start) {
        double worst = 0;
        for (long kill : recoveries) {
            long first = acknowledged.stream().filter(times -> times[0] > kill).mapToLong(times -> times[1]).min()
                    .orElse(Long.MAX_VALUE);
            if (first == Long.MAX_VALUE) {
                outcome.fail("nothing was acknowledged after " + fault.name());
                return;
            }
            double seconds = (first - kill) / 1e9;
            outcome.note(String.format(Locale.ROOT, "%s, over %.1f s into the load: first acknowledgement %.1f s"
                    + " later", fault.name(), (kill - start) / 1e9, seconds));
            worst = Math.max(worst, seconds);
        }
        outcome.recoverySeconds = worst;
    }

    private void verify(Outcome.Builder outcome) throws Exception {
        Map<String, Long> created = store.eventsPerAggregate(prefix, "ItemGroupCreated");
        Set<String> rows = new HashSet<>(store.itemGroupRows(prefix));
        Set<String> registered = new HashSet<>(store.registeredIds(prefix));
        registered.removeIf(id -> id.startsWith(prefix + "order-"));
        List<String> unanswered = new ArrayList<>();
        long refused = 0;
        long unansweredRecorded = 0;
        for (Map.Entry<String, Integer> answer : answers.entrySet()) {
            long events = created.getOrDefault(answer.getKey(), 0L);
            int status = answer.getValue();
            outcome.attempted++;
            if (status >= 200 && status < 300) {
                outcome.acknowledged++;
                outcome.found += events == 1 ? 1 : 0;
                outcome.lost += events == 0 ? 1 : 0;
            } else if (status >= 400 && status < 500) {
                refused++;
            } else {
                unanswered.add(answer.getKey());
                unansweredRecorded += events == 1 ? 1 : 0;
            }
            outcome.duplicated += Math.max(0, events - 1);
        }
        outcome.check(refused == 0, refused + " creates were refused (4xx)");
        outcome.check(answers.keySet().containsAll(created.keySet()), "the store holds item groups no client sent");
        outcome.check(rows.equals(created.keySet()), "read model and store differ: " + difference(rows, created.keySet()));
        outcome.check(registered.equals(created.keySet()),
                "registry and store differ: " + difference(registered, created.keySet()));
        outcome.note(unanswered.size() + " creates got no answer or an error (" + notConnected.get() + " of them could not"
                + " connect): " + unansweredRecorded + " wholly recorded, the others not at all");
        retry(outcome, unanswered, created);
    }

    /** A client that got no answer sends the create again with its sid: acknowledged, still one event. */
    private void retry(Outcome.Builder outcome, List<String> unanswered, Map<String, Long> before)
            throws Exception {
        long refusedRetries = 0;
        for (String sid : unanswered) {
            int client = Integer.parseInt(sid.substring(prefix.length(), sid.lastIndexOf('-')));
            refusedRetries += cluster.api().post("/api/item-groups", Fixtures.itemGroupBody(sid, lines.get(client)))
                    .ok() ? 0 : 1;
        }
        Map<String, Long> after = store.eventsPerAggregate(prefix, "ItemGroupCreated");
        long notOnce = unanswered.stream().filter(sid -> after.getOrDefault(sid, 0L) != 1).count();
        outcome.check(refusedRetries == 0 && notOnce == 0, "retried unanswered creates: " + refusedRetries
                + " not acknowledged, " + notOnce + " not exactly one event");
        for (String sid : unanswered) {
            outcome.duplicated += Math.max(0, after.getOrDefault(sid, 0L) - Math.max(1, before.getOrDefault(sid, 0L)));
        }
    }

    private static String difference(Set<String> shown, Set<String> stored) {
        Set<String> missing = new HashSet<>(stored);
        missing.removeAll(shown);
        Set<String> extra = new HashSet<>(shown);
        extra.removeAll(stored);
        return missing.size() + " missing " + missing.stream().limit(5).toList() + ", " + extra.size() + " extra "
                + extra.stream().limit(5).toList();
    }
}
