package io.waybill.bench;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * F2: the query side killed with SIGKILL twice, first while it projects under write load (the writes go on while it
 * is down, so it also comes back to a backlog), then in the middle of a replay; each time started again. Then no item group may miss or repeat an event, no ledger entry may be
 * missing from its read model, balances must equal their recomputation from the store, and every read model must
 * equal what a fresh replay of every projection builds.
 */
final class QuerySideCrash {

    private static final String PREFIX = "f2-";
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    private final Cluster cluster;
    private final StoreVerifier store;
    private final boolean quick;

    QuerySideCrash(Cluster cluster, StoreVerifier store, boolean quick) {
        this.cluster = cluster;
        this.store = store;
        this.quick = quick;
    }

    Outcome run() throws Exception {
        Outcome.Builder outcome = new Outcome.Builder("F2", "kill -9 the query side mid-projection and mid-replay");
        WriteMix writes = new WriteMix(cluster.api(), PREFIX);
        int rounds = quick ? 40 : 150;
        writes.burst("live", rounds / 4);
        Node querySide = cluster.querySide();
        Thread burst = new Thread(() -> writes.run("killed", rounds), "f2-burst");
        burst.start();
        String progress = "SELECT COALESCE(SUM(version), 0) FROM item_group_view WHERE sid LIKE '" + PREFIX + "killed-%'";
        long applied = awaitProgress(progress, rounds * WriteMix.CLIENTS * 3L / 4);
        long stored = store.eventsPerAggregate(PREFIX + "killed-", null).values().stream().mapToLong(n -> n).sum();
        long killed = System.nanoTime();
        querySide.kill();
        outcome.check(burst.isAlive(), "the writes were over before the kill: it interrupted no projecting");
        querySide.start();
        burst.join();
        cluster.awaitProjectionsCaughtUp(PATIENCE);
        double projectionRecovery = (System.nanoTime() - killed) / 1e9;
        outcome.note(String.format(Locale.ROOT, "killed under write load with %d of the %d item-group events then"
                + " stored applied; caught up %.1f s after the kill", applied, stored, projectionRecovery));

        Api.Reply replay = cluster.api().postToQuerySide("/api/ops/projections/item-groups/replay");
        outcome.check(replay.status() == 202, "the replay answered " + replay.status());
        long done = awaitReplayProgress("item-groups");
        killed = System.nanoTime();
        querySide.kill();
        querySide.start();
        store.awaitReplayDone("item-groups", PATIENCE);
        cluster.awaitProjectionsCaughtUp(PATIENCE);
        double replayRecovery = (System.nanoTime() - killed) / 1e9;
        outcome.note(String.format(Locale.ROOT, "replay killed at %d events rebuilt; done %.1f s after the kill",
                done, replayRecovery));
        outcome.recoverySeconds = Math.max(projectionRecovery, replayRecovery);
        outcome.attempted = writes.attempted.get();
        outcome.acknowledged = writes.acknowledged.get();
        verify(outcome, writes);
        return outcome.build();
    }

    private void verify(Outcome.Builder outcome, WriteMix writes) throws Exception {
        long events = 0;
        for (long n : store.eventsPerAggregate(PREFIX, null).values()) {
            events += n;
        }
        long missing = 0;
        long repeated = 0;
        for (StoreVerifier.VersionDrift drift : store.versionDrifts("")) {
            missing += Math.max(0, drift.events() - drift.version());
            repeated += Math.max(0, drift.version() - drift.events());
        }
        for (String material : writes.materials()) {
            Map<String, Long> stored = store.ledgerEntryEvents(material);
            Map<String, Long> shown = store.ledgerEntryRows(material);
            events += stored.values().stream().mapToLong(n -> n).sum();
            missing += stored.keySet().stream().filter(id -> !shown.containsKey(id)).count();
        }
        List<String> differences = store.inventoryDifferences();
        outcome.check(differences.isEmpty(), "balances differ from the store: " + differences.stream().limit(5).toList());
        outcome.found = events - missing;
        outcome.lost = missing;
        outcome.duplicated = repeated + differences.size();
        outcome.note("found, lost and duplicated count events: " + events + " of the scenario's item groups and"
                + " ledgers in the store, " + outcome.found + " of them in the read models");

        Map<String, String> recovered = store.fingerprint();
        store.replayAll(PATIENCE);
        cluster.awaitProjectionsCaughtUp(PATIENCE);
        Map<String, String> rebuilt = store.fingerprint();
        List<String> unequal = new ArrayList<>();
        recovered.forEach((table, print) -> {
            if (!print.equals(rebuilt.get(table))) {
                unequal.add(table + " (" + print + " against " + rebuilt.get(table) + ")");
            }
        });
        outcome.check(unequal.isEmpty(), "read models differ from a fresh replay of every projection: " + unequal);
        outcome.note("read models after recovery equal a fresh replay of every projection: " + unequal.isEmpty()
                + " (" + recovered.size() + " tables)");
    }

    /** Polls a progress figure of the read model until it reaches {@code least}, and answers it. */
    private long awaitProgress(String sql, long least) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long applied = cluster.database().count(sql);
        while (applied < least) {
            if (System.nanoTime() > deadline || !cluster.querySide().alive()) {
                throw new IllegalStateException("the query side applied " + applied + " events, not " + least);
            }
            Thread.sleep(10);
            applied = cluster.database().count(sql);
        }
        return applied;
    }

    /** Polls a replay until it has rebuilt some events and is not done yet; answers the events rebuilt. */
    private long awaitReplayProgress(String projection) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Api.Reply reply = cluster.api().get("/api/ops/projections/" + projection);
            if (reply.ok()) {
                JsonNode replay = reply.json().path("replay");
                if (!"running".equals(replay.path("status").asString())) {
                    throw new IllegalStateException("the replay ended before it could be interrupted: " + replay);
                }
                if (replay.path("eventsDone").asLong(0) > 0) {
                    return replay.path("eventsDone").asLong();
                }
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the replay made no progress within " + PATIENCE);
    }
}
