package io.waybill.launcher.api;

import io.waybill.launcher.api.LedgerModel.Change;
import io.waybill.launcher.api.LedgerModel.Entry;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random movements, valid and invalid, with a fixed seed. After each one: the service accepted or
 * refused it as the independent {@link LedgerModel} says, the summary equals the model's balances recomputed from
 * the accepted entries, no balance is negative, and the drift check finds nothing. The size is
 * {@code -Dwaybill.randomized.movements} (default 2000).
 */
class LedgerRandomizedTest extends ApiContractSupport {

    private static final String[] MOVEMENTS = {"ORDER", "RECEIVE", "RECEIVE", "DEMAND", "ALLOCATE", "CONSUME",
            "TRANSFER", "ADJUST", "DISPOSE", "RELEASE_ORDER"};
    private static final String[] QUANTITIES = {"1", "2", "3", "5", "8", "13", "0.5", "2.25", "40"};
    private final Random random = new Random(20261121L);
    private final LedgerModel model = new LedgerModel();
    private final Map<String, Entry> entries = new HashMap<>();
    private final List<String> entryIds = new ArrayList<>();
    private final Map<String, String> transfers = new HashMap<>();
    private Stockroom room;
    private List<String> locations;

    @Override
    protected Map<String, Object> database() {
        return TestDatabases.embedded();
    }

    @Test
    void theLedgerAgreesWithTheModelAfterEveryMovement() {
        room = Stockroom.open(this);
        locations = List.of(room.a, room.b);
        int movements = Integer.getInteger("waybill.randomized.movements", 2000);
        int accepted = 0;
        long startedAt = System.nanoTime();
        for (int i = 0; i < movements; i++) {
            accepted += step(i) ? 1 : 0;
            assertSummaryMatchesModel(i);
        }
        System.out.printf("LedgerRandomizedTest: %d movements, %d accepted, %d refused in %.1f s%n", movements,
                accepted, movements - accepted, (System.nanoTime() - startedAt) / 1e9);
        assertThat(accepted).as("accepted movements").isBetween(movements / 4, movements);
    }

    private boolean step(int i) {
        int dice = random.nextInt(100);
        if (dice < 10 && !entryIds.isEmpty()) {
            return reverse(entryIds.get(random.nextInt(entryIds.size())));
        }
        if (dice < 18 && !transfers.isEmpty()) {
            List<String> refs = new ArrayList<>(transfers.keySet());
            return complete(refs.get(random.nextInt(refs.size())));
        }
        if (dice < 23) {
            expectError(post(room.client, "/api/materials-inventory/disposals", room.material("locationId",
                    room.a, "quantity", random.nextBoolean() ? "0" : "-1")), 400, "validation_failed");
            return false;
        }
        return move(MOVEMENTS[random.nextInt(MOVEMENTS.length)]);
    }

    private boolean move(String type) {
        String at = locations.get(random.nextInt(2));
        String to = at.equals(room.a) ? room.b : room.a;
        String quantity = QUANTITIES[random.nextInt(QUANTITIES.length)];
        BigDecimal q = new BigDecimal(quantity);
        if ("ADJUST".equals(type) && random.nextBoolean()) {
            q = q.negate();
            quantity = "-" + quantity;
        }
        List<Change> expected = model.movement(type, room.material, at, to, q);
        Map<String, Object> request = room.material("eventType", type, "locationId", at, "quantity", quantity);
        if ("TRANSFER".equals(type)) {
            request.put("toLocationId", to);
        }
        var response = post(room.client, "/api/materials-inventory/ledger", request);
        if (expected == null) {
            expectError(response, 409, "insufficient_stock");
            return false;
        }
        String body = text(response, 201);
        accept(read(body, "$.id"), new Entry(type, expected, "TRANSFER".equals(type) ? read(body, "$.ref") : null));
        return true;
    }

    private boolean complete(String ref) {
        Entry transfer = entries.get(transfers.get(ref));
        var response = post(room.client, "/api/materials-inventory/transfers/" + ref + "/complete", Map.of());
        if (transfer.reversed || transfer.arrival != null) {
            expectError(response, 409, "invalid_transition");
            return false;
        }
        Change out = transfer.changes.get(1);
        BigDecimal q = out.delta();
        List<Change> arrival = List.of(new Change(out.item(), out.location(), "inTransit", q.negate()),
                new Change(out.item(), out.location(), "onHand", q));
        Entry entry = new Entry("TRANSFER", arrival, null);
        entry.isArrival = true;
        transfer.arrival = entry;
        accept(read(text(response, 201), "$.id"), entry);
        return true;
    }

    private boolean reverse(String entryId) {
        Entry entry = entries.get(entryId);
        List<Change> undo = model.reversal(entry);
        var response = post(room.client, "/api/materials-inventory/ledger/" + entryId + "/reverse", Map.of());
        if (undo == null) {
            response.expectStatus().isEqualTo(409);
            return false;
        }
        entry.reversed = true;
        accept(read(text(response, 201), "$.id"), new Entry("REVERSE_" + entry.type, undo, null));
        return true;
    }

    private void accept(String id, Entry entry) {
        model.apply(entry.changes);
        entries.put(id, entry);
        entryIds.add(id);
        if (entry.transferRef != null) {
            transfers.put(entry.transferRef, id);
        }
    }

    private void assertSummaryMatchesModel(int step) {
        eventually().untilAsserted(() -> {
            Map<String, BigDecimal> shown = new HashMap<>();
            List<Map<String, Object>> rows = read(text(room.client.get().uri("/api/materials-inventory/summary?"
                    + "materialId=" + room.material).exchange(), 200), "$.data");
            for (Map<String, Object> row : rows) {
                for (String bucket : LedgerModel.BUCKETS) {
                    BigDecimal value = new BigDecimal((String) row.get(bucket));
                    assertThat(value.signum()).as("%s at step %d", bucket, step).isNotNegative();
                    shown.put(LedgerModel.key(room.material, (String) row.get("locationId"), bucket), value);
                }
            }
            for (String location : locations) {
                for (String bucket : LedgerModel.BUCKETS) {
                    String key = LedgerModel.key(room.material, location, bucket);
                    assertThat(shown.getOrDefault(key, BigDecimal.ZERO)).as("%s at step %d", key, step)
                            .isEqualByComparingTo(model.get(room.material, location, bucket));
                }
            }
        });
        room.client.get().uri("/api/inventory/verify?itemId=" + room.material).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.differences").isEmpty();
    }
}
