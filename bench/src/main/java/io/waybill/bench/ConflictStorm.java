package io.waybill.bench;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * F4: 200 updates of one item group with the same {@code If-Match} at once, for several versions in a row: exactly
 * one wins each time, the others are refused with {@code conflict}. Then 1,000 consumptions and transfers of one
 * to three units of one material at once: they never take more than was there, and balances, ledger and store
 * agree with what the clients were told.
 */
final class ConflictStorm {

    private static final String PREFIX = "f4-";
    private static final int UPDATERS = 200;

    private final Cluster cluster;
    private final StoreVerifier store;
    private final boolean quick;

    ConflictStorm(Cluster cluster, StoreVerifier store, boolean quick) {
        this.cluster = cluster;
        this.store = store;
        this.quick = quick;
    }

    Outcome run() throws Exception {
        Outcome.Builder outcome = new Outcome.Builder("F4", "conflict storm: If-Match updates, movements on one item");
        Api api = cluster.api(Duration.ofSeconds(60));
        updates(outcome, api);
        movements(outcome, api);
        return outcome.build();
    }

    private void updates(Outcome.Builder outcome, Api api) throws Exception {
        Fixtures fixtures = new Fixtures(api);
        String group = fixtures.itemGroup(PREFIX + "group", fixtures.orderLine(PREFIX + "order"));
        long version = 1;
        String lastWinner = null;
        int rounds = quick ? 2 : 5;
        long wins = 0;
        for (int round = 0; round < rounds; round++) {
            long expected = version;
            String tag = PREFIX + "r" + round + "-";
            List<Api.Reply> replies = Together.run(UPDATERS, i -> api.patch("/api/item-groups/" + group,
                    "{\"trackingNumber\":\"" + tag + i + "\"}", expected));
            List<Api.Reply> won = replies.stream().filter(Api.Reply::ok).toList();
            long conflicts = replies.stream().filter(r -> r.status() == 409 && "conflict".equals(r.errorCode())).count();
            outcome.attempted += UPDATERS;
            outcome.acknowledged += won.size();
            wins += won.size();
            outcome.check(won.size() == 1 && conflicts == UPDATERS - 1, "version " + expected + ": " + won.size()
                    + " won, " + conflicts + " conflicts, " + (UPDATERS - won.size() - conflicts) + " other answers");
            if (won.isEmpty()) {
                return;
            }
            version = won.get(0).json().path("version").asLong();
            lastWinner = won.get(0).json().path("trackingNumber").asString();
            outcome.check(version == expected + 1, "the winner at version " + expected + " answered version " + version);
        }
        cluster.awaitProjectionsCaughtUp(Duration.ofSeconds(60));
        long events = store.eventsPerAggregate(group, null).getOrDefault(group, 0L);
        outcome.found += Math.min(events - 1, wins);
        outcome.lost += Math.max(0, wins - (events - 1));
        outcome.duplicated += Math.max(0, events - 1 - wins);
        JsonNode shown = api.read("/api/item-groups/" + group);
        outcome.check(shown.path("version").asLong() == events && lastWinner.equals(shown.path("trackingNumber")
                .asString()), "the read model shows version " + shown.path("version") + " and tracking number "
                + shown.path("trackingNumber") + "; the store " + events + " events, the last winner " + lastWinner);
        outcome.note(rounds + " rounds of " + UPDATERS + " If-Match updates: " + wins + " won");
    }

    private void movements(Outcome.Builder outcome, Api api) throws Exception {
        Fixtures fixtures = new Fixtures(api);
        String from = fixtures.location(PREFIX + "A");
        String to = fixtures.location(PREFIX + "B");
        int movers = quick ? 500 : 1000;
        long stock = movers / 2;
        String material = fixtures.stockedMaterial("F4-M", from, stock);
        Random random = new Random(20261121L);
        int[] quantities = random.ints(movers, 1, 4).toArray();
        boolean[] transfers = new boolean[movers];
        for (int i = 0; i < movers; i++) {
            transfers[i] = random.nextBoolean();
        }
        List<Api.Reply> replies = Together.run(movers, i -> transfers[i]
                ? api.post("/api/materials-inventory/transfers", "{\"materialId\":\"" + material
                + "\",\"sourceLocationId\":\"" + from + "\",\"destinationLocationId\":\"" + to + "\",\"quantity\":\""
                + quantities[i] + "\"}")
                : api.post("/api/materials-inventory/ledger", "{\"eventType\":\"CONSUME\",\"materialId\":\"" + material
                + "\",\"locationId\":\"" + from + "\",\"quantity\":\"" + quantities[i] + "\"}"));
        MovementTally tally = new MovementTally(replies, quantities, transfers);
        outcome.attempted += movers;
        outcome.acknowledged += tally.acceptedIds.size();
        outcome.check(tally.others.isEmpty(), "answers other than accepted or insufficient_stock: "
                + tally.others.stream().limit(5).toList());
        outcome.check(tally.taken <= stock, "accepted movements took " + tally.taken + " of " + stock);
        outcome.check(tally.refused == 0 || stock - tally.taken < tally.smallestRefused,
                "a movement of " + tally.smallestRefused + " was refused yet " + (stock - tally.taken) + " is left");

        cluster.awaitProjectionsCaughtUp(Duration.ofSeconds(60));
        Map<String, Long> stored = store.ledgerEntryEvents(material);
        Map<String, Long> shown = store.ledgerEntryRows(material);
        for (String id : tally.acceptedIds) {
            long events = stored.getOrDefault(id, 0L);
            outcome.found += events >= 1 && shown.containsKey(id) ? 1 : 0;
            outcome.lost += events == 0 || !shown.containsKey(id) ? 1 : 0;
            outcome.duplicated += Math.max(0, events - 1);
        }
        long allEvents = stored.values().stream().mapToLong(n -> n).sum();
        outcome.check(allEvents == 1 + tally.acceptedIds.size(), "the ledger's stream holds " + allEvents
                + " events for 1 receipt and " + tally.acceptedIds.size() + " accepted movements");
        BigDecimal onHandAtA = balance(api, material, from, "onHand");
        BigDecimal inTransitToB = balance(api, material, to, "inTransit");
        outcome.check(onHandAtA.signum() >= 0 && onHandAtA.compareTo(BigDecimal.valueOf(stock - tally.taken)) == 0,
                "on hand at A is " + onHandAtA + ", expected " + (stock - tally.taken));
        outcome.check(inTransitToB.compareTo(BigDecimal.valueOf(tally.transferred)) == 0,
                "in transit to B is " + inTransitToB + ", expected " + tally.transferred);
        List<String> differences = store.inventoryDifferences();
        outcome.check(differences.isEmpty(), "balances differ from the store: " + differences.stream().limit(5).toList());
        outcome.note(movers + " movements on " + stock + " units: " + tally.acceptedIds.size() + " accepted taking "
                + tally.taken + ", " + tally.refused + " refused insufficient_stock; on hand at A " + onHandAtA);
    }

    private static BigDecimal balance(Api api, String material, String location, String bucket) {
        for (JsonNode row : api.read("/api/materials-inventory/summary?materialId=" + material).path("data")) {
            if (location.equals(row.path("locationId").asString())) {
                return new BigDecimal(row.path(bucket).asString());
            }
        }
        return BigDecimal.ZERO;
    }
}
