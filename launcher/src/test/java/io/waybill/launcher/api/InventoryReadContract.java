package io.waybill.launcher.api;

import io.waybill.api.inventory.Bucket;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory read side, fed with ledger events appended straight to the event store as the command side
 * appends them: balances now and as of a date, the ledgers, entries, transfers in transit, a ledger's history and
 * the drift check; each organisation seeing its own only.
 */
abstract class InventoryReadContract extends InventoryReadSupport {

    private static final LocalDate MAR_1 = LocalDate.parse("2026-03-01");
    private static final LocalDate MAR_10 = LocalDate.parse("2026-03-10");
    private static final LocalDate MAR_12 = LocalDate.parse("2026-03-12");
    private static final LocalDate MAR_15 = LocalDate.parse("2026-03-15");

    @Test
    void summaryNowAndAsOfCountBackdatedEntriesOnTheirDate() {
        String org = newOrgId();
        LedgerEvents bolt = ledger(org, ItemKind.MATERIAL);
        bolt.receive("loc-a", "10", MAR_10);
        bolt.record(EntryType.ORDER, "loc-a", "5", MAR_12, Bucket.ON_ORDER);
        bolt.record(EntryType.DEMAND, "loc-b", "4.25", MAR_15, Bucket.DEMAND);
        bolt.record(EntryType.ALLOCATE, "loc-a", "2", MAR_15, Bucket.ALLOCATED);
        bolt.receive("loc-a", "3", MAR_1);
        WebTestClient client = orgClient(org);
        String summary = "/api/materials-inventory/summary";

        eventually().untilAsserted(() -> client.get().uri(summary).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(2)
                .jsonPath("$.data[0].itemKind").isEqualTo("MATERIAL")
                .jsonPath("$.data[0].materialId").isEqualTo(bolt.itemId())
                .jsonPath("$.data[0].skuId").doesNotExist()
                .jsonPath("$.data[0].locationId").isEqualTo("loc-a")
                .jsonPath("$.data[0].onHand").isEqualTo("13")
                .jsonPath("$.data[0].onOrder").isEqualTo("5")
                .jsonPath("$.data[0].allocated").isEqualTo("2")
                .jsonPath("$.data[0].available").isEqualTo("11")
                .jsonPath("$.data[0].inTransit").isEqualTo("0")
                .jsonPath("$.data[1].locationId").isEqualTo("loc-b")
                .jsonPath("$.data[1].demand").isEqualTo("4.25"));

        client.get().uri(summary + "?asOf=2026-03-05").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].onHand").isEqualTo("3")
                .jsonPath("$.data[0].onOrder").isEqualTo("0")
                .jsonPath("$.data[0].available").isEqualTo("3");
        client.get().uri(summary + "?asOf=2026-03-12&locationId=loc-a&materialId=" + bolt.itemId()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].onHand").isEqualTo("13")
                .jsonPath("$.data[0].onOrder").isEqualTo("5")
                .jsonPath("$.data[0].allocated").isEqualTo("0");
        client.get().uri(summary + "?asOf=2026-02-28").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data").isEmpty();
        client.get().uri(summary + "?asOf=2026-12-31").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].onHand").isEqualTo("13")
                .jsonPath("$.data[1].demand").isEqualTo("4.25");
        client.get().uri(summary + "?locationId=loc-b").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].demand").isEqualTo("4.25");
        client.get().uri("/api/fg-inventory/summary").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data").isEmpty();
        expectError(client.get().uri(summary + "?asOf=yesterday").exchange(), 400, "validation_failed");
        expectError(client.get().uri(summary + "?asOf=2026-02-30").exchange(), 400, "validation_failed");
        expectError(client.get().uri(summary + "?skuId=x").exchange(), 400, "validation_failed");
    }

    @Test
    void ledgersListInLedgerOrderWithFiltersAndPages() {
        String org = newOrgId();
        LedgerEvents bolt = ledger(org, ItemKind.MATERIAL);
        LedgerEvents nut = ledger(org, ItemKind.MATERIAL);
        LedgerEntry late = bolt.receive("loc-a", "10", MAR_15);
        LedgerEntry early = bolt.receive("loc-a", "1", MAR_1);
        LedgerEntry moved = bolt.transfer("loc-a", "loc-b", "4", "REF-1", MAR_12);
        LedgerEntry nutOrder = nut.record(EntryType.ORDER, "loc-b", "7", MAR_10, Bucket.ON_ORDER);
        LedgerEntry sameDay = nut.receive("loc-a", "2", MAR_15);
        WebTestClient client = orgClient(org);
        String ledger = "/api/materials-inventory/ledger";
        List<String> expected = List.of(early.id(), nutOrder.id(), moved.id(), late.id(), sameDay.id());
        eventually().untilAsserted(() -> assertThat(ids(client, ledger)).containsExactlyElementsOf(expected));

        assertThat(pagedIds(client, ledger, 2)).containsExactlyElementsOf(expected);
        assertThat(ids(client, ledger + "?materialId=" + nut.itemId())).containsExactly(nutOrder.id(), sameDay.id());
        assertThat(ids(client, ledger + "?locationId=loc-b")).containsExactly(nutOrder.id());
        assertThat(ids(client, ledger + "?eventType=RECEIVE")).containsExactly(early.id(), late.id(), sameDay.id());
        assertThat(ids(client, ledger + "?eventType=TRANSFER&ref=REF-1")).containsExactly(moved.id());
        assertThat(ids(client, ledger + "?ref=REF-2")).isEmpty();
        assertThat(ids(client, ledger + "?dateFrom=2026-03-10&dateTo=2026-03-12"))
                .containsExactly(nutOrder.id(), moved.id());
        assertThat(ids(client, ledger + "?dateFrom=2026-03-15")).containsExactly(late.id(), sameDay.id());
        assertThat(ids(client, "/api/fg-inventory/ledger")).isEmpty();
        assertThat(ids(client, "/api/fg-inventory/ledger?eventType=PRODUCE")).isEmpty();

        for (String query : List.of("?eventType=SHIP", "?eventType=PRODUCE", "?eventType=REVERSE_PRODUCE",
                "?dateFrom=2026-3-1", "?dateTo=31.03.2026", "?dateFrom=2026-03-12&dateTo=2026-03-10",
                "?limit=0", "?limit=501", "?limit=many", "?cursor=not-a-cursor", "?skuId=" + nut.itemId())) {
            expectError(client.get().uri(ledger + query).exchange(), 400, "validation_failed");
        }
    }

    @Test
    void anEntryShowsWhatHappenedToItSince() {
        String org = newOrgId();
        LedgerEvents bolt = ledger(org, ItemKind.MATERIAL).as("alice@acme");
        LedgerEntry received = bolt.receive("loc-a", "10", MAR_1);
        LedgerEntry transfer = bolt.transfer("loc-a", "loc-b", "4", "REF-7", MAR_10);
        LedgerEntry completion = bolt.complete(transfer, MAR_12);
        LedgerEntry extra = bolt.as("bob@acme").receive("loc-a", "2.5", MAR_12);
        LedgerEntry reversal = bolt.reverse(extra, MAR_15);
        WebTestClient client = orgClient(org);
        String entry = "/api/materials-inventory/ledger/";

        eventually().untilAsserted(() -> client.get().uri(entry + reversal.id()).exchange().expectStatus().isOk());
        client.get().uri(entry + transfer.id()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(transfer.id())
                .jsonPath("$.orgId").isEqualTo(app.organisation(org).orgId())
                .jsonPath("$.code").isEqualTo(transfer.code())
                .jsonPath("$.itemKind").isEqualTo("MATERIAL")
                .jsonPath("$.materialId").isEqualTo(bolt.itemId())
                .jsonPath("$.skuId").doesNotExist()
                .jsonPath("$.locationId").isEqualTo("loc-a")
                .jsonPath("$.toLocationId").isEqualTo("loc-b")
                .jsonPath("$.eventType").isEqualTo("TRANSFER")
                .jsonPath("$.quantity").isEqualTo("-4")
                .jsonPath("$.unitCost").isEqualTo("1.5")
                .jsonPath("$.ref").isEqualTo("REF-7")
                .jsonPath("$.eventDate").isEqualTo("2026-03-10")
                .jsonPath("$.sourceType").isEqualTo("manual")
                .jsonPath("$.completedByEntryId").isEqualTo(completion.id())
                .jsonPath("$.reversedByEntryId").doesNotExist()
                .jsonPath("$.actor").isEqualTo("alice@acme")
                .jsonPath("$.createdAt").isNotEmpty();
        client.get().uri(entry + extra.id()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.reversedByEntryId").isEqualTo(reversal.id())
                .jsonPath("$.actor").isEqualTo("bob@acme");
        client.get().uri(entry + reversal.id()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.eventType").isEqualTo("REVERSE_RECEIVE")
                .jsonPath("$.reversesEntryId").isEqualTo(extra.id())
                .jsonPath("$.quantity").isEqualTo("-2.5");
        client.get().uri(entry + received.id()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.reversedByEntryId").doesNotExist()
                .jsonPath("$.completedByEntryId").doesNotExist();
        client.get().uri("/api/materials-inventory/summary").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].onHand").isEqualTo("6")
                .jsonPath("$.data[1].onHand").isEqualTo("4")
                .jsonPath("$.data[1].inTransit").isEqualTo("0");

        expectError(client.get().uri("/api/fg-inventory/ledger/" + transfer.id()).exchange(), 404, "not_found");
        expectError(client.get().uri(entry + "missing").exchange(), 404, "not_found");
        expectError(orgClient(newOrgId()).get().uri(entry + transfer.id()).exchange(), 404, "not_found");
    }

    @Test
    void finishedGoodsHaveTheirOwnInventoryWithProduction() {
        String org = newOrgId();
        LedgerEvents widget = ledger(org, ItemKind.SKU);
        LedgerEntry produced = widget.record(EntryType.PRODUCE, "plant", "8", MAR_10, Bucket.ON_HAND);
        ledger(org, ItemKind.MATERIAL).receive("plant", "1", MAR_10);
        WebTestClient client = orgClient(org);

        eventually().untilAsserted(() -> client.get().uri("/api/fg-inventory/summary?skuId=" + widget.itemId())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].skuId").isEqualTo(widget.itemId())
                .jsonPath("$.data[0].materialId").doesNotExist()
                .jsonPath("$.data[0].onHand").isEqualTo("8"));
        assertThat(ids(client, "/api/fg-inventory/ledger?eventType=PRODUCE")).containsExactly(produced.id());
        client.get().uri("/api/fg-inventory/ledger/" + produced.id()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.skuId").isEqualTo(widget.itemId())
                .jsonPath("$.itemKind").isEqualTo("SKU");
        expectError(client.get().uri("/api/materials-inventory/ledger/" + produced.id()).exchange(), 404,
                "not_found");
        expectError(client.get().uri("/api/fg-inventory/ledger?materialId=x").exchange(), 400, "validation_failed");
    }

    @Test
    void inTransitListsOpenTransfersWithTheirAge() {
        String org = newOrgId();
        LocalDate threeDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        LedgerEvents bolt = ledger(org, ItemKind.MATERIAL);
        bolt.receive("loc-a", "20", MAR_1);
        LedgerEntry open = bolt.transfer("loc-a", "loc-b", "4", "T-OPEN", threeDaysAgo);
        LedgerEntry arrived = bolt.transfer("loc-a", "loc-c", "3", "T-DONE", threeDaysAgo);
        bolt.complete(arrived, threeDaysAgo);
        LedgerEntry undone = bolt.transfer("loc-a", "loc-b", "2", "T-UNDONE", threeDaysAgo);
        bolt.reverse(undone, threeDaysAgo);
        LedgerEvents sku = ledger(org, ItemKind.SKU);
        sku.record(EntryType.PRODUCE, "plant", "5", MAR_1, Bucket.ON_HAND);
        LedgerEntry skuOpen = sku.transfer("plant", "loc-c", "5", "T-SKU", threeDaysAgo.minusDays(1));
        WebTestClient client = orgClient(org);
        String inTransit = "/api/inventory/in-transit";

        eventually().untilAsserted(() -> assertThat(entryIds(client, inTransit))
                .containsExactly(skuOpen.id(), open.id()));
        client.get().uri(inTransit + "?itemId=" + bolt.itemId()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].entryId").isEqualTo(open.id())
                .jsonPath("$.data[0].itemKind").isEqualTo("MATERIAL")
                .jsonPath("$.data[0].ref").isEqualTo("T-OPEN")
                .jsonPath("$.data[0].fromLocationId").isEqualTo("loc-a")
                .jsonPath("$.data[0].toLocationId").isEqualTo("loc-b")
                .jsonPath("$.data[0].quantity").isEqualTo("4")
                .jsonPath("$.data[0].ageDays").isEqualTo(3)
                .jsonPath("$.data[0].ageSeconds").value(age -> assertThat(((Number) age).longValue())
                        .isBetween(0L, 600L));
        assertThat(entryIds(client, inTransit + "?locationId=loc-c")).containsExactly(skuOpen.id());
        assertThat(entryIds(client, inTransit + "?locationId=loc-b&itemId=" + sku.itemId())).isEmpty();
        assertThat(entryIds(client, inTransit + "?limit=1")).containsExactly(skuOpen.id());
        assertThat(entryIds(orgClient(newOrgId()), inTransit)).isEmpty();
        expectError(client.get().uri(inTransit + "?limit=0").exchange(), 400, "validation_failed");
    }

    @Test
    void aLedgersHistoryComesFromTheEventStore() {
        String org = newOrgId();
        LedgerEvents bolt = ledger(org, ItemKind.MATERIAL).as("alice@acme");
        bolt.receive("loc-a", "5", MAR_1);
        LedgerEntry transfer = bolt.transfer("loc-a", "loc-b", "2", "H-1", MAR_10);
        bolt.complete(transfer, MAR_12);
        WebTestClient client = orgClient(org);
        String history = "/api/inventory/" + bolt.itemId() + "/events";

        awaitEventTypes(client, history, "LedgerEntryRecorded", "StockTransferred", "TransferCompleted");
        client.get().uri(history).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].aggregateType").isEqualTo("InventoryLedger")
                .jsonPath("$.data[0].aggregateId").isEqualTo("ledger-" + bolt.itemId())
                .jsonPath("$.data[0].actor").isEqualTo("alice@acme")
                .jsonPath("$.data[1].payload.entry.ref").isEqualTo("H-1")
                .jsonPath("$.data[2].payload.transferEntryId").isEqualTo(transfer.id());
        String firstPage = text(client.get().uri(history + "?limit=2").exchange(), 200);
        assertThat(read(firstPage, "$.data.length()").toString()).isEqualTo("2");
        String cursor = read(firstPage, "$.nextCursor");
        client.get().uri(history + "?cursor=" + cursor).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[*].type").isEqualTo(List.of("TransferCompleted"))
                .jsonPath("$.nextCursor").isEmpty();
        client.get().uri(history + "?eventTimeOnOrAfter=2100-01-01T00:00:00Z").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data").isEmpty();
        expectError(client.get().uri(history + "?eventTimeOnOrAfter=2026-03-01").exchange(), 400,
                "validation_failed");
        expectError(orgClient(newOrgId()).get().uri(history).exchange(), 404, "not_found");
        expectError(client.get().uri("/api/inventory/missing-item/events").exchange(), 404, "not_found");
    }

    @Test
    void verifyFindsNoDriftWhenHealthyAndTheBalanceThatWasDamaged() {
        String org = newOrgId();
        LedgerEvents bolt = ledger(org, ItemKind.MATERIAL);
        bolt.receive("loc-a", "10", MAR_1);
        bolt.transfer("loc-a", "loc-b", "4", "V-1", MAR_10);
        LedgerEvents widget = ledger(org, ItemKind.SKU);
        LedgerEntry produced = widget.record(EntryType.PRODUCE, "plant", "3", MAR_1, Bucket.ON_HAND);
        widget.reverse(produced, MAR_10);
        WebTestClient client = orgClient(org);

        eventually().untilAsserted(() -> client.get().uri("/api/inventory/verify").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.checkedItems").isEqualTo(2)
                .jsonPath("$.checkedBalances").isEqualTo(3)
                .jsonPath("$.differences").isEmpty()
                .jsonPath("$.pendingEvents").isEqualTo(0));

        jdbc().update("UPDATE inventory_balance SET on_hand = on_hand + 1 WHERE org_id = ? AND item_id = ? "
                + "AND location_id = ?", app.organisation(org).orgId(), bolt.itemId(), "loc-b");
        client.get().uri("/api/inventory/verify").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.differences.length()").isEqualTo(1)
                .jsonPath("$.differences[0].itemId").isEqualTo(bolt.itemId())
                .jsonPath("$.differences[0].locationId").isEqualTo("loc-b")
                .jsonPath("$.differences[0].bucket").isEqualTo("ON_HAND")
                .jsonPath("$.differences[0].expected").isEqualTo("0")
                .jsonPath("$.differences[0].actual").isEqualTo("1");
        client.get().uri("/api/inventory/verify?itemId=" + widget.itemId()).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.checkedItems").isEqualTo(1)
                .jsonPath("$.differences").isEmpty();
        orgClient(newOrgId()).get().uri("/api/inventory/verify?itemId=" + bolt.itemId()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.checkedItems").isEqualTo(0);
        orgClient(newOrgId()).get().uri("/api/inventory/verify").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.checkedItems").isEqualTo(0);
    }

    @Test
    void verifyCountsEventsNotYetAppliedAsPendingNotAsDrift() {
        String org = newOrgId();
        LedgerEvents bolt = ledger(org, ItemKind.MATERIAL);
        bolt.receive("loc-a", "10", MAR_1);
        WebTestClient client = orgClient(org);
        String verify = "/api/inventory/verify?itemId=" + bolt.itemId();
        eventually().untilAsserted(() -> client.get().uri(verify).exchange().expectBody()
                .jsonPath("$.checkedBalances").isEqualTo(1));

        withProjectionStopped(() -> {
            bolt.receive("loc-a", "5", MAR_10);
            bolt.transfer("loc-a", "loc-b", "1", "P-1", MAR_12);
            client.get().uri(verify).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.pendingEvents").isEqualTo(2)
                    .jsonPath("$.differences").isEmpty();
        });
        eventually().untilAsserted(() -> client.get().uri(verify).exchange().expectBody()
                .jsonPath("$.pendingEvents").isEqualTo(0)
                .jsonPath("$.checkedBalances").isEqualTo(2)
                .jsonPath("$.differences").isEmpty());
    }

    @Test
    void applyingTheSameEventsAgainChangesNothing() {
        String org = newOrgId();
        LedgerEvents bolt = ledger(org, ItemKind.MATERIAL);
        bolt.receive("loc-a", "10", MAR_1);
        LedgerEntry transfer = bolt.transfer("loc-a", "loc-b", "4", "D-1", MAR_10);
        LedgerEntry completion = bolt.complete(transfer, MAR_12);
        bolt.reverse(transfer, MAR_15, completion);
        WebTestClient client = orgClient(org);
        eventually().untilAsserted(() -> assertThat(ids(client, "/api/materials-inventory/ledger")).hasSize(4));
        Map<String, List<Map<String, Object>>> before = rowsOf(org);

        reapplyStoredEvents(bolt.itemId());

        assertThat(rowsOf(org)).isEqualTo(before);
        client.get().uri("/api/materials-inventory/summary").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].onHand").isEqualTo("10")
                .jsonPath("$.data[1].onHand").isEqualTo("0")
                .jsonPath("$.data[1].inTransit").isEqualTo("0");
    }

    @Test
    void aReplayRebuildsTheSameReadModel() {
        String org = newOrgId();
        LedgerEvents bolt = ledger(org, ItemKind.MATERIAL);
        bolt.receive("loc-a", "10", MAR_10);
        bolt.transfer("loc-a", "loc-b", "4", "R-1", MAR_12);
        WebTestClient client = orgClient(org);
        eventually().untilAsserted(() -> assertThat(ids(client, "/api/materials-inventory/ledger")).hasSize(2));
        Map<String, List<Map<String, Object>>> before = rowsOf(org);

        client.post().uri("/api/ops/projections/inventory/replay").exchange().expectStatus().isAccepted();

        eventually().untilAsserted(() -> client.get().uri("/api/ops/projections/inventory").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.replay.status").isEqualTo("done"));
        assertThat(rowsOf(org)).isEqualTo(before);
    }

    @Test
    void anotherOrganisationSeesNothingOfALedger() {
        String org = newOrgId();
        LedgerEvents bolt = ledger(org, ItemKind.MATERIAL);
        LedgerEntry received = bolt.receive("loc-a", "10", MAR_1);
        bolt.transfer("loc-a", "loc-b", "4", "O-1", MAR_10);
        eventually().untilAsserted(() -> assertThat(entryIds(orgClient(org), "/api/inventory/in-transit"))
                .hasSize(1));
        WebTestClient other = orgClient(newOrgId());

        for (String list : List.of("/api/materials-inventory/summary", "/api/materials-inventory/ledger",
                "/api/materials-inventory/summary?asOf=2026-12-31&materialId=" + bolt.itemId(),
                "/api/materials-inventory/ledger?materialId=" + bolt.itemId(), "/api/inventory/in-transit")) {
            other.get().uri(list).exchange().expectStatus().isOk().expectBody().jsonPath("$.data").isEmpty();
        }
        expectError(other.get().uri("/api/materials-inventory/ledger/" + received.id()).exchange(), 404,
                "not_found");
        expectError(other.get().uri("/api/inventory/" + bolt.itemId() + "/events").exchange(), 404, "not_found");
        expectError(clientWithoutOrg().get().uri("/api/materials-inventory/summary").exchange(), 401,
                "unauthorized");
    }

    private static List<String> pagedIds(WebTestClient client, String uri, int limit) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            String page = text(client.get().uri(uri + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor))
                    .exchange(), 200);
            List<String> ids = read(page, "$.data[*].id");
            assertThat(ids).hasSizeLessThanOrEqualTo(limit);
            all.addAll(ids);
            cursor = read(page, "$.nextCursor");
        } while (cursor != null);
        return all;
    }
}
