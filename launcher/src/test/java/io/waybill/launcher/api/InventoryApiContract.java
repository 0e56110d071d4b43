package io.waybill.launcher.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's write endpoints over HTTP, seen through the read endpoints as a user would. */
abstract class InventoryApiContract extends ApiContractSupport {

    private static final String MATERIALS = "/api/materials-inventory";
    private static final String FG = "/api/fg-inventory";

    @Test
    void anAdjustmentIsRecordedAsAnEntryAndCountsOnHand() {
        Stockroom room = Stockroom.open(this);
        String entry = text(post(room.client, MATERIALS + "/adjustments", room.material("locationId", room.a,
                "quantity", "12.50", "notes", "opening count")), 201);
        assertThat((String) read(entry, "$.code")).matches("LE-\\d{6}");
        assertThat((String) read(entry, "$.eventType")).isEqualTo("ADJUST");
        assertThat((String) read(entry, "$.materialId")).isEqualTo(room.material);
        assertThat((String) read(entry, "$.quantity")).isEqualTo("12.5");
        assertThat((String) read(entry, "$.sourceType")).isEqualTo("manual");
        assertThat((String) read(entry, "$.eventDate")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        room.awaitBalance(MATERIALS, room.material, room.a, "onHand", "12.5");
        awaitVisible(room.client, MATERIALS + "/ledger/" + read(entry, "$.id"));
    }

    @Test
    void overdrawingIsRefusedAndRecordsNothing() {
        Stockroom room = Stockroom.open(this);
        room.adjust(room.a, "3");
        expectError(post(room.client, MATERIALS + "/disposals", room.material("locationId", room.a, "quantity", "4")),
                409, "insufficient_stock").jsonPath("$.error.details.available").isEqualTo("3");
        expectError(post(room.client, MATERIALS + "/adjustments", room.material("locationId", room.a,
                "quantity", "-3.1")), 409, "insufficient_stock");
        room.awaitBalance(MATERIALS, room.material, room.a, "onHand", "3");
        assertThat(room.entryCount(MATERIALS, "materialId=" + room.material)).isEqualTo(1);
    }

    @Test
    void aTransferIsInTransitUntilCompletedOnceAtItsDestination() {
        Stockroom room = Stockroom.open(this);
        room.adjust(room.a, "10");
        String answer = text(post(room.client, MATERIALS + "/transfers", room.material("sourceLocationId", room.a,
                "destinationLocationId", room.b, "quantity", "4")), 201);
        String ref = read(answer, "$.ref");
        assertThat((String) read(answer, "$.ledgerEntry.quantity")).isEqualTo("-4");
        room.awaitBalance(MATERIALS, room.material, room.b, "inTransit", "4");
        room.awaitBalance(MATERIALS, room.material, room.a, "onHand", "6");
        eventually().untilAsserted(() -> assertThat(read(text(room.client.get().uri("/api/inventory/in-transit")
                .exchange(), 200), "$.data[*].ref").toString()).contains(ref));

        post(room.client, MATERIALS + "/transfers/" + ref + "/complete", Map.of()).expectStatus().isCreated()
                .expectBody().jsonPath("$.locationId").isEqualTo(room.b).jsonPath("$.quantity").isEqualTo("4");
        room.awaitBalance(MATERIALS, room.material, room.b, "onHand", "4");
        room.awaitBalance(MATERIALS, room.material, room.b, "inTransit", "0");
        expectError(post(room.client, MATERIALS + "/transfers/" + ref + "/complete", Map.of()), 409,
                "invalid_transition");
        expectError(post(room.client, FG + "/transfers/" + ref + "/complete", Map.of()), 404, "not_found");
    }

    @Test
    void reversingACompletedTransferUndoesBothLegs() {
        Stockroom room = Stockroom.open(this);
        room.adjust(room.a, "10");
        String answer = text(post(room.client, MATERIALS + "/transfers", room.material("sourceLocationId", room.a,
                "destinationLocationId", room.b, "quantity", "4")), 201);
        String transferId = read(answer, "$.ledgerEntry.id");
        post(room.client, MATERIALS + "/transfers/" + read(answer, "$.ref") + "/complete", Map.of())
                .expectStatus().isCreated();
        post(room.client, MATERIALS + "/ledger/" + transferId + "/reverse", Map.of("notes", "wrong truck"))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.eventType").isEqualTo("REVERSE_TRANSFER")
                .jsonPath("$.reversesEntryId").isEqualTo(transferId);
        room.awaitBalance(MATERIALS, room.material, room.a, "onHand", "10");
        room.awaitBalance(MATERIALS, room.material, room.b, "onHand", "0");
        expectError(post(room.client, MATERIALS + "/ledger/" + transferId + "/reverse", Map.of()), 409,
                "invalid_transition");
    }

    @Test
    void everyMovementTypeMovesItsBalances() {
        Stockroom room = Stockroom.open(this);
        room.record(MATERIALS, "ORDER", "10");
        room.record(MATERIALS, "RECEIVE", "6");
        room.record(MATERIALS, "DEMAND", "5");
        room.record(MATERIALS, "ALLOCATE", "4");
        room.record(MATERIALS, "CONSUME", "3");
        eventually().untilAsserted(() -> assertThat(room.balance(MATERIALS, room.material, room.a)).containsEntry(
                "onOrder", "4").containsEntry("onHand", "3").containsEntry("demand", "1")
                .containsEntry("allocated", "1").containsEntry("available", "2"));
        expectError(post(room.client, MATERIALS + "/ledger", room.material("eventType", "PRODUCE", "locationId",
                room.a, "quantity", "1")), 400, "validation_failed");
        post(room.client, FG + "/ledger", Map.of("eventType", "PRODUCE", "skuId", room.sku, "locationId", room.a,
                "quantity", "7")).expectStatus().isCreated().expectBody().jsonPath("$.skuId").isEqualTo(room.sku);
        room.awaitBalance(FG, room.sku, room.a, "onHand", "7");
    }

    @Test
    void anEntryIdMakesAWriteIdempotent() {
        Stockroom room = Stockroom.open(this);
        Map<String, Object> request = room.material("id", "count-2026-05", "locationId", room.a, "quantity", "5");
        String first = text(post(room.client, MATERIALS + "/adjustments", request), 201);
        String second = text(post(room.client, MATERIALS + "/adjustments", request), 201);
        assertThat((String) read(second, "$.code")).isEqualTo(read(first, "$.code"));
        expectError(post(room.client, MATERIALS + "/adjustments", room.material("id", "count-2026-05",
                "locationId", room.a, "quantity", "6")), 409, "conflict");
        room.awaitBalance(MATERIALS, room.material, room.a, "onHand", "5");
        assertThat(room.entryCount(MATERIALS, "materialId=" + room.material)).isEqualTo(1);
    }

    @Test
    void badRequestsAreRefusedNamingTheFields() {
        Stockroom room = Stockroom.open(this);
        expectError(post(room.client, MATERIALS + "/adjustments", room.material("locationId", room.a,
                "quantity", "0")), 400, "validation_failed").jsonPath("$.error.details.fields.quantity").exists();
        expectError(post(room.client, MATERIALS + "/disposals", room.material("locationId", room.a,
                "quantity", 5)), 400, "validation_failed").jsonPath("$.error.details.fields.quantity").exists();
        expectError(post(room.client, MATERIALS + "/disposals", Map.of("locationId", room.a, "quantity", "1",
                "colour", "red")), 400, "validation_failed")
                .jsonPath("$.error.details.fields.colour").isEqualTo("unknown field")
                .jsonPath("$.error.details.fields.materialId").isEqualTo("is required");
        expectError(post(room.client, MATERIALS + "/transfers", room.material("sourceLocationId", room.a,
                "destinationLocationId", room.a, "quantity", "1")), 400, "validation_failed");
        expectError(post(room.client, MATERIALS + "/ledger", room.material("eventType", "REVERSE_ORDER",
                "locationId", room.a, "quantity", "1")), 400, "validation_failed");
        expectError(post(room.client, MATERIALS + "/adjustments", room.material("locationId", room.a,
                "quantity", "1", "eventDate", "2999-01-01")), 400, "validation_failed");
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        expectError(post(room.client, MATERIALS + "/ledger", room.material("eventType", "RECEIVE",
                "locationId", room.a, "quantity", "1", "eventDate", tomorrow)), 400, "validation_failed")
                .jsonPath("$.error.details.fields.eventDate").isEqualTo("must not be after today (UTC)");
        assertThat(room.entryCount(MATERIALS, "materialId=" + room.material)).isZero();
    }

    @Test
    void anotherOrganisationsItemsLocationsAndEntriesAreNotFound() {
        Stockroom room = Stockroom.open(this);
        String entry = read(room.adjust(room.a, "5"), "$.id");
        WebTestClient stranger = newOrg();
        expectError(post(stranger, MATERIALS + "/adjustments", room.material("locationId", room.a, "quantity", "1")),
                404, "not_found");
        expectError(post(stranger, MATERIALS + "/ledger/" + entry + "/reverse", Map.of()), 404, "not_found");
        expectError(post(room.client, FG + "/ledger/" + entry + "/reverse", Map.of()), 404, "not_found");
        expectError(post(room.client, FG + "/adjustments", Map.of("skuId", room.material, "locationId", room.a,
                "quantity", "1")), 404, "not_found");
    }

    @Test
    void aBackdatedEntryCountsOnItsOwnDate() {
        Stockroom room = Stockroom.open(this);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        room.adjust(room.a, "10");
        post(room.client, MATERIALS + "/adjustments", room.material("locationId", room.a, "quantity", "4",
                "eventDate", today.minusDays(30).toString())).expectStatus().isCreated();
        room.awaitBalance(MATERIALS, room.material, room.a, "onHand", "14");
        String asOf = "&asOf=" + today.minusDays(10);
        eventually().untilAsserted(() -> assertThat((List<String>) read(text(room.client.get().uri(MATERIALS
                + "/summary?materialId=" + room.material + asOf).exchange(), 200), "$.data[*].onHand"))
                .containsExactly("4"));
    }

    @Test
    void aLocationThatALedgerUsesCannotBeDeleted() {
        Stockroom room = Stockroom.open(this);
        room.adjust(room.a, "1");
        expectError(room.client.delete().uri("/api/locations/" + room.a).exchange(), 409, "in_use");
        expectError(room.client.delete().uri("/api/materials/" + room.material).exchange(), 409, "in_use");
        room.client.delete().uri("/api/locations/" + room.b).exchange().expectStatus().isOk();
    }

    @Test
    void theLedgerHistoryAndTheDriftCheckComeFromTheEventStore() {
        Stockroom room = Stockroom.open(this);
        room.adjust(room.a, "10");
        room.record(MATERIALS, "CONSUME", "2");
        awaitEventTypes(room.client, "/api/inventory/" + room.material + "/events", "LedgerEntryRecorded",
                "LedgerEntryRecorded");
        room.awaitBalance(MATERIALS, room.material, room.a, "onHand", "8");
        room.client.get().uri("/api/inventory/verify").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.differences").isEmpty();
    }

    @Test
    void concurrentMovementsOnOneItemNeverOverdrawIt() {
        Stockroom room = Stockroom.open(this);
        room.adjust(room.a, "25");
        WebClient client = concurrentClient(room.orgId);
        List<Reply> replies = concurrently(40, i -> client.post().uri(MATERIALS + (i % 2 == 0 ? "/disposals"
                : "/transfers")).contentType(MediaType.APPLICATION_JSON).bodyValue(i % 2 == 0
                ? room.material("locationId", room.a, "quantity", "1")
                : room.material("sourceLocationId", room.a, "destinationLocationId", room.b, "quantity", "1")));
        long accepted = replies.stream().filter(r -> r.status() == 201).count();
        assertThat(accepted).isEqualTo(25);
        assertThat(replies).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat((String) r.read("$.error.code")).isEqualTo("insufficient_stock"));
        room.awaitBalance(MATERIALS, room.material, room.a, "onHand", "0");
        room.awaitBalance(MATERIALS, room.material, room.b, "inTransit",
                Long.toString(replies.stream().filter(r -> r.status() == 201 && r.body().contains("ledgerEntry"))
                        .count()));
        assertThat(room.entryCount(MATERIALS, "materialId=" + room.material)).isEqualTo(26);
    }
}
