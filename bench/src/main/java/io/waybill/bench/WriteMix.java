package io.waybill.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A burst of writes from 8 clients that touches two kinds of read model: per round a client creates an item group,
 * ships and delivers it, receives 5 units of its material and consumes 2. Item groups show a missed event in their
 * version; balances, being sums, show an event applied twice.
 */
final class WriteMix {

    static final int CLIENTS = 8;

    private final Api api;
    private final String prefix;
    private final List<String> lines = new ArrayList<>();
    private final List<String> materials = new ArrayList<>();
    private final String location;
    final AtomicLong attempted = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();

    WriteMix(Api api, String prefix) {
        this.api = api;
        this.prefix = prefix;
        Fixtures fixtures = new Fixtures(api);
        location = fixtures.location(prefix + "store");
        for (int client = 0; client < CLIENTS; client++) {
            lines.add(fixtures.orderLine(prefix + "order-" + client));
            materials.add(fixtures.stockedMaterial(prefix.toUpperCase() + "M" + client, location, 100));
        }
    }

    List<String> materials() {
        return materials;
    }

    /** As {@link #burst}, for a thread of its own. */
    void run(String tag, int rounds) {
        try {
            burst(tag, rounds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code rounds} rounds from every client, all clients at once; answers when every write is answered. */
    void burst(String tag, int rounds) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                for (int round = 0; round < rounds; round++) {
                    round(prefix + tag + "-" + client + "-" + round, client);
                }
            }, "writer-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void round(String sid, int client) {
        String material = materials.get(client);
        count(api.post("/api/item-groups", Fixtures.itemGroupBody(sid, lines.get(client))));
        count(api.patch("/api/item-groups/" + sid, "{\"shipped\":true,\"shipDate\":\"2026-11-20\"}", null));
        count(api.patch("/api/item-groups/" + sid, "{\"delivered\":true,\"deliveryDate\":\"2026-11-28\"}", null));
        count(api.post("/api/materials-inventory/ledger", movement("RECEIVE", material, 5)));
        count(api.post("/api/materials-inventory/ledger", movement("CONSUME", material, 2)));
    }

    private String movement(String type, String material, int quantity) {
        return "{\"eventType\":\"" + type + "\",\"materialId\":\"" + material + "\",\"locationId\":\"" + location
                + "\",\"quantity\":\"" + quantity + "\"}";
    }

    private void count(Api.Reply reply) {
        attempted.incrementAndGet();
        if (reply.ok()) {
            acknowledged.incrementAndGet();
        }
    }
}
