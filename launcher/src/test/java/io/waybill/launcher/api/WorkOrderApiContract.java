package io.waybill.launcher.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work orders under {@code /api}: lines exploded into inputs by the SKUs' BOMs; placing demands and allocates at the
 * work site, a shortage stays demanded; receipts produce the SKU and consume the materials (refused, changing
 * nothing, when a material is short); deleting a receipt and cancelling give back exactly what they took.
 */
abstract class WorkOrderApiContract extends CatalogContractSupport {

    /** A plant, steel and bolts, a widget made of 2 steel and 4 bolts, a gadget without a BOM. */
    record Plant(String site, String steel, String bolt, String widget, String gadget) {
    }

    Plant plant(WebTestClient client) {
        String metals = materialType(client, "Metals");
        String boxed = skuType(client, "Boxed");
        Plant p = new Plant(create(client, "locations", body("name", "Plant")), material(client, "ST-1", "Steel",
                metals), material(client, "BO-1", "Bolt", metals), sku(client, "WI-1", boxed),
                sku(client, "GA-1", boxed));
        post(client, "/api/boms", body("outputSkuId", p.widget(), "items", List.of(body("materialId", p.steel(),
                "quantityPerUnit", "2"), body("materialId", p.bolt(), "quantityPerUnit", "4"))))
                .expectStatus().isCreated();
        return p;
    }

    static void adjust(WebTestClient client, String material, String location, String quantity) {
        post(client, "/api/materials-inventory/adjustments", body("materialId", material, "locationId", location,
                "quantity", quantity)).expectStatus().isCreated();
    }

    /** The material's balances at the location, once they read as {@code expected} (onHand, demand, allocated). */
    static void awaitBalances(WebTestClient client, String material, String onHand, String demand,
                              String allocated) {
        eventually().untilAsserted(() -> client.get().uri("/api/materials-inventory/summary?materialId=" + material)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].onHand").isEqualTo(onHand)
                .jsonPath("$.data[0].demand").isEqualTo(demand)
                .jsonPath("$.data[0].allocated").isEqualTo(allocated));
    }

    static void awaitWidgets(WebTestClient client, String widget, String onHand) {
        eventually().untilAsserted(() -> client.get().uri("/api/fg-inventory/summary?skuId=" + widget)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].onHand").isEqualTo(onHand));
    }

    @Test
    void aWorkOrderDemandsAllocatesProducesConsumesAndGivesBackWhatItHolds() {
        WebTestClient client = newOrg();
        Plant p = plant(client);
        adjust(client, p.steel(), p.site(), "30");
        adjust(client, p.bolt(), p.site(), "20");
        expectError(post(client, "/api/work-orders", body("workSiteLocationId", p.site(), "items",
                List.of(body("skuId", p.gadget(), "quantity", "1")))), 400, "validation_failed")
                .jsonPath("$.error.details.field").isEqualTo("items[0].skuId");

        String created = text(post(client, "/api/work-orders", body("workSiteLocationId", p.site(), "notes", "run 1",
                "items", List.of(body("skuId", p.widget(), "quantity", "10", "conversionCost", "1.5")))), 201);
        String wo = read(created, "$.workOrder.id");
        String line = read(created, "$.items[0].id");
        assertThat((String) read(created, "$.workOrder.woNumber")).isEqualTo("WO-000001");
        assertThat((String) read(created, "$.workOrder.status")).isEqualTo("Draft");
        assertThat((List<String>) read(created, "$.inputs[*].materialId")).containsExactly(p.steel(), p.bolt());
        assertThat((List<String>) read(created, "$.inputs[*].quantityRequired")).containsExactly("20", "40");
        expectError(patch(client, "/api/work-orders/" + wo, body("status", "Production")), 409,
                "invalid_transition").jsonPath("$.error.details.allowed")
                .isEqualTo(List.of("Entered", "Placed", "Cancelled"));

        patch(client, "/api/work-orders/" + wo, body("status", "Placed")).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("Placed").jsonPath("$.placedAt").isNotEmpty();
        awaitBalances(client, p.bolt(), "20", "20", "20");
        eventually().untilAsserted(() -> client.get().uri("/api/work-orders/" + wo).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.inputs[0].quantityAllocated").isEqualTo("20")
                .jsonPath("$.inputs[0].shortage").isEqualTo("0")
                .jsonPath("$.inputs[1].quantityAllocated").isEqualTo("20")
                .jsonPath("$.inputs[1].shortage").isEqualTo("20"));
        client.get().uri("/api/work-orders/" + wo + "/availability").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.clearToBuild").isEqualTo(false)
                .jsonPath("$.materials[1].shortage").isEqualTo("20")
                .jsonPath("$.materials[0].available").isEqualTo("10")
                .jsonPath("$.lines[0].remaining").isEqualTo("10")
                .jsonPath("$.lines[0].canBuild").isEqualTo("5")
                .jsonPath("$.lines[0].limitedBy").isEqualTo(p.bolt());
        expectError(post(client, "/api/work-orders/" + wo + "/items", body("skuId", p.widget(), "quantity", "1")),
                409, "invalid_transition");

        expectError(post(client, "/api/work-orders/" + wo + "/receipts", body("items", List.of(
                body("workOrderItemId", line, "quantity", "6")))), 409, "insufficient_stock")
                .jsonPath("$.error.details.itemId").isEqualTo(p.bolt())
                .jsonPath("$.error.details.needed").isEqualTo("24");
        String receipt = read(text(post(client, "/api/work-orders/" + wo + "/receipts", body("notes", "first units",
                "items", List.of(body("workOrderItemId", line, "quantity", "4")))), 201), "$.receipt.id");
        awaitWidgets(client, p.widget(), "4");
        awaitBalances(client, p.bolt(), "4", "20", "4");
        awaitBalances(client, p.steel(), "22", "0", "12");
        eventually().untilAsserted(() -> client.get().uri("/api/work-orders/" + wo).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.workOrder.status").isEqualTo("Partial")
                .jsonPath("$.items[0].quantityReceived").isEqualTo("4")
                .jsonPath("$.inputs[1].quantityConsumed").isEqualTo("16"));
        assertThat(ids(client, "/api/work-orders/" + wo + "/receipts")).containsExactly(receipt);

        client.delete().uri("/api/work-order-receipts/{id}", receipt).exchange().expectStatus().isOk();
        awaitWidgets(client, p.widget(), "0");
        awaitBalances(client, p.bolt(), "20", "20", "20");
        patch(client, "/api/work-orders/" + wo, body("status", "Cancelled")).expectStatus().isOk();
        awaitBalances(client, p.bolt(), "20", "0", "0");
        awaitBalances(client, p.steel(), "30", "0", "0");
        eventually().untilAsserted(() -> {
            List<String> types = readTypes(client, "/api/work-orders/" + wo + "/events");
            assertThat(types.stream().filter(type -> type.startsWith("WorkOrder"))).containsExactly(
                    "WorkOrderCreated", "WorkOrderPlaced", "WorkOrderStockPosted", "WorkOrderReceiptRecorded",
                    "WorkOrderStockPosted", "WorkOrderPartlyReceived", "WorkOrderReceiptDeleted",
                    "WorkOrderStockPosted", "WorkOrderReopened", "WorkOrderCancelled", "WorkOrderStockPosted");
            assertThat(types.stream().filter("LedgerEntryRecorded"::equals)).as("entries the order caused")
                    .hasSize(10);
            assertThat(types.stream().filter("LedgerEntryReversed"::equals)).hasSize(3);
        });
        eventually().untilAsserted(() -> client.get().uri("/api/inventory/verify/work-orders").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.checkedOrders").isEqualTo(1)
                .jsonPath("$.pendingEntries").isEqualTo(0)
                .jsonPath("$.differences.length()").isEqualTo(0));
    }

    @Test
    void twentyOrdersPlacedAtOnceAgainstStockForTenAllocateExactlyTheTen() {
        String org = newOrgId();
        WebTestClient client = orgClient(org);
        Plant p = plant(client);
        post(client, "/api/boms", body("outputSkuId", p.gadget(), "items", List.of(body("materialId", p.steel(),
                "quantityPerUnit", "1")))).expectStatus().isCreated();
        adjust(client, p.steel(), p.site(), "10");
        List<String> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(read(text(post(client, "/api/work-orders", body("workSiteLocationId", p.site(), "items",
                    List.of(body("skuId", p.gadget(), "quantity", "1")))), 201), "$.workOrder.id"));
        }
        WebClient web = concurrentClient(org);
        List<Reply> replies = concurrently(20, i -> web.patch().uri("/api/work-orders/{id}", orders.get(i))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "Placed")));
        assertThat(replies).extracting(Reply::status).containsOnly(200);

        awaitBalances(client, p.steel(), "10", "10", "10");
        eventually().untilAsserted(() -> {
            BigDecimal allocated = BigDecimal.ZERO;
            BigDecimal shortage = BigDecimal.ZERO;
            for (String wo : orders) {
                String order = text(client.get().uri("/api/work-orders/" + wo).exchange(), 200);
                allocated = allocated.add(new BigDecimal((String) read(order, "$.inputs[0].quantityAllocated")));
                shortage = shortage.add(new BigDecimal((String) read(order, "$.inputs[0].shortage")));
            }
            assertThat(allocated).isEqualByComparingTo("10");
            assertThat(shortage).isEqualByComparingTo("10");
        });
    }

    @Test
    void anOrdersStreamCarriesTheLedgerEntriesItCaused() {
        String org = newOrgId();
        WebTestClient client = orgClient(org);
        Plant p = plant(client);
        post(client, "/api/boms", body("outputSkuId", p.gadget(), "items", List.of(body("materialId", p.steel(),
                "quantityPerUnit", "1")))).expectStatus().isCreated();
        adjust(client, p.steel(), p.site(), "5");
        String created = text(post(client, "/api/work-orders", body("workSiteLocationId", p.site(), "status",
                "Placed", "items", List.of(body("skuId", p.gadget(), "quantity", "2")))), 201);
        String wo = read(created, "$.workOrder.id");
        awaitBalances(client, p.steel(), "5", "0", "2");
        try (StreamListener stream = StreamListener.open(concurrentClient(org),
                "/api/work-orders/" + wo + "/events/stream")) {
            eventually().untilAsserted(() -> assertThat(stream.types()).containsExactly("WorkOrderCreated",
                    "WorkOrderPlaced", "WorkOrderStockPosted", "LedgerEntryRecorded", "LedgerEntryRecorded"));
            post(client, "/api/work-orders/" + wo + "/receipts", body("items", List.of(body("workOrderItemId",
                    read(created, "$.items[0].id"), "quantity", "1")))).expectStatus().isCreated();
            eventually().untilAsserted(() -> assertThat(stream.types()).endsWith("WorkOrderReceiptRecorded",
                    "WorkOrderStockPosted", "WorkOrderPartlyReceived", "LedgerEntryRecorded",
                    "LedgerEntryRecorded").hasSize(10));
            assertThat(stream.ids()).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void linesChangeBeforePlacingAndTheListFiltersBySkuMaterialSiteAndStatus() {
        WebTestClient client = newOrg();
        Plant p = plant(client);
        post(client, "/api/boms", body("outputSkuId", p.gadget(), "items", List.of(body("materialId", p.steel(),
                "quantityPerUnit", "1")))).expectStatus().isCreated();
        String wo = read(text(post(client, "/api/work-orders", body("workSiteLocationId", p.site(), "items",
                List.of(body("skuId", p.gadget(), "quantity", "3")))), 201), "$.workOrder.id");
        String other = read(text(post(client, "/api/work-orders", body("workSiteLocationId", p.site(), "status",
                "Entered", "items", List.of())), 201), "$.workOrder.id");
        String added = text(post(client, "/api/work-orders/" + wo + "/items", body("skuId", p.widget(),
                "quantity", "2")), 201);
        assertThat((List<String>) read(added, "$.inputs[*].quantityRequired")).containsExactly("7", "8");
        String line = read(added, "$.item.id");
        patch(client, "/api/work-order-items/" + line, body("quantity", "1")).expectStatus().isOk().expectBody()
                .jsonPath("$.item.quantity").isEqualTo("1")
                .jsonPath("$.inputs[0].quantityRequired").isEqualTo("5");
        client.delete().uri("/api/work-order-items/{id}", line).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.deletedId").isEqualTo(line)
                .jsonPath("$.inputs.length()").isEqualTo(1);
        expectError(patch(client, "/api/work-orders/" + other, body("status", "Placed")), 409, "invalid_transition");
        expectError(delete(client, "/api/materials/" + p.steel()), 409, "in_use");

        eventually().untilAsserted(() -> assertThat(ids(client, "/api/work-orders?materialId=" + p.steel()))
                .containsExactly(wo));
        assertThat(ids(client, "/api/work-orders?skuId=" + p.gadget())).containsExactly(wo);
        assertThat(ids(client, "/api/work-orders?skuId=" + p.widget())).isEmpty();
        assertThat(ids(client, "/api/work-orders?status=Entered")).containsExactly(other);
        assertThat(ids(client, "/api/work-orders?workSiteLocationId=" + p.site())).containsExactly(wo, other);
        expectError(client.get().uri("/api/work-orders?status=Lost").exchange(), 400, "validation_failed");
        List<String> blankStatuses = read(text(client.get().uri("/api/work-orders?status={a}&status={b}", " ", " ")
                .exchange(), 200), "$.data[*].id");
        assertThat(blankStatuses).as("blank statuses filter nothing").containsExactly(wo, other);
        client.get().uri("/api/work-order-statuses").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].status").isEqualTo("Draft");
        client.delete().uri("/api/work-orders/{id}", other).exchange().expectStatus().isOk();
        awaitGone(client, "/api/work-orders/" + other);
    }

    @Test
    void aProductionRunPlansAgainstStockAndOnOrderAndCanTurnIntoWorkOrders() {
        WebTestClient client = newOrg();
        Plant p = plant(client);
        post(client, "/api/boms", body("outputSkuId", p.gadget(), "items", List.of(body("materialId", p.steel(),
                "quantityPerUnit", "1")))).expectStatus().isCreated();
        adjust(client, p.steel(), p.site(), "25");
        String vendor = create(client, "vendors", body("name", "Acme"));
        String po = read(text(post(client, "/api/purchase-orders", body("vendorId", vendor, "targetType", "materials",
                "shipToLocationId", p.site(), "items", List.of(body("materialId", p.bolt(), "quantity", "30")))), 201),
                "$.purchaseOrder.id");
        patch(client, "/api/purchase-orders/" + po, body("status", "Placed")).expectStatus().isOk();
        Map<String, Object> run = body("name", "Week 49", "referenceNumber", "PR-7", "workSiteLocationId", p.site(),
                "lines", List.of(body("skuId", p.widget(), "quantity", "10"), body("skuId", p.gadget(),
                        "quantity", "5")));
        eventually().untilAsserted(() -> post(client, "/api/production-runs", run).expectStatus().isOk().expectBody()
                .jsonPath("$.lines[0].materials[*].needed").isEqualTo(List.of("20", "40"))
                .jsonPath("$.materials[0].materialId").isEqualTo(p.steel())
                .jsonPath("$.materials[0].needed").isEqualTo("25")
                .jsonPath("$.materials[0].available").isEqualTo("25")
                .jsonPath("$.materials[0].shortNow").isEqualTo("0")
                .jsonPath("$.materials[1].needed").isEqualTo("40")
                .jsonPath("$.materials[1].onOrder").isEqualTo("30")
                .jsonPath("$.materials[1].shortNow").isEqualTo("40")
                .jsonPath("$.materials[1].shortAfterOnOrder").isEqualTo("10")
                .jsonPath("$.workOrders").doesNotExist());
        assertThat(ids(client, "/api/work-orders")).isEmpty();
        expectError(post(client, "/api/production-runs", body("name", "No site", "createWorkOrders", true,
                "lines", List.of(body("skuId", p.widget(), "quantity", "1")))), 400, "validation_failed")
                .jsonPath("$.error.details.fields.workSiteLocationId").exists();

        Map<String, Object> create = new java.util.HashMap<>(run);
        create.put("createWorkOrders", true);
        String created = text(post(client, "/api/production-runs", create), 200);
        assertThat((List<String>) read(created, "$.workOrders[*].workOrder.status")).containsExactly("Draft", "Draft");
        assertThat((List<String>) read(created, "$.workOrders[*].items[0].skuId"))
                .containsExactly(p.widget(), p.gadget());
        eventually().untilAsserted(() -> assertThat(ids(client, "/api/work-orders")).hasSize(2));
    }

    @Test
    void aCreateSentAgainIsAnsweredAsBeforeAndAnotherBodyUnderItsIdIsAConflict() {
        WebTestClient client = newOrg();
        Plant p = plant(client);
        String id = newSid("wo");
        Map<String, Object> create = body("id", id, "workSiteLocationId", p.site(), "items",
                List.of(body("skuId", p.widget(), "quantity", "1")));
        String first = text(post(client, "/api/work-orders", create), 201);
        assertThat((String) read(text(post(client, "/api/work-orders", create), 201), "$.workOrder.woNumber"))
                .isEqualTo(read(first, "$.workOrder.woNumber"));
        expectError(post(client, "/api/work-orders", body("id", id, "workSiteLocationId", p.site(), "items",
                List.of())), 409, "conflict");
        expectError(post(client, "/api/work-orders", body("workSiteLocationId", p.site(), "status", "Completed",
                "items", List.of())), 400, "validation_failed");

        String imported = text(post(client, "/api/work-orders/import", body("rows", List.of(
                body("workSiteLocationId", p.site(), "items", List.of(body("skuId", p.widget(), "quantity", "3"))),
                body("workSiteLocationId", p.site(), "items", List.of(body("skuId", p.gadget(), "quantity", "1")))))),
                200);
        assertThat((List<String>) read(imported, "$.data[*].status")).containsExactly("created", "failed");
        assertThat((String) read(imported, "$.data[1].error.code")).isEqualTo("validation_failed");
        eventually().untilAsserted(() -> assertThat(ids(client, "/api/work-orders"))
                .contains((String) read(imported, "$.data[0].id")).hasSize(2));
    }

    @Test
    void aReceiptMovedToAnotherDateMovesItsEntriesAndIsRefusedWhereTheStockOfTheDatesBetweenDoesNotAllowIt() {
        WebTestClient client = newOrg();
        Plant p = plant(client);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String material : List.of(p.steel(), p.bolt())) {
            post(client, "/api/materials-inventory/adjustments", body("materialId", material, "locationId", p.site(),
                    "quantity", "20", "eventDate", today.minusDays(5).toString())).expectStatus().isCreated();
        }
        String created = text(post(client, "/api/work-orders", body("workSiteLocationId", p.site(), "items",
                List.of(body("skuId", p.widget(), "quantity", "3")))), 201);
        String wo = read(created, "$.workOrder.id");
        patch(client, "/api/work-orders/" + wo, body("status", "Placed")).expectStatus().isOk();
        String receipt = read(text(post(client, "/api/work-orders/" + wo + "/receipts", body("receiptDate",
                today.minusDays(4).toString(), "items", List.of(body("workOrderItemId", read(created, "$.items[0].id"),
                        "quantity", "2")))), 201), "$.receipt.id");
        awaitWidgets(client, p.widget(), "2");
        post(client, "/api/fg-inventory/disposals", body("skuId", p.widget(), "locationId", p.site(), "quantity", "1",
                "eventDate", today.minusDays(2).toString())).expectStatus().isCreated();
        awaitWidgets(client, p.widget(), "1");

        expectError(patch(client, "/api/work-order-receipts/" + receipt, body("receiptDate",
                today.minusDays(1).toString())), 409, "insufficient_stock")
                .jsonPath("$.error.details.asOf").isEqualTo(today.minusDays(2).toString());
        expectError(patch(client, "/api/work-order-receipts/" + receipt, body("receiptDate",
                today.minusDays(6).toString())), 409, "insufficient_stock");
        expectError(patch(client, "/api/work-order-receipts/" + receipt, body("receiptDate",
                today.plusDays(1).toString())), 400, "validation_failed");
        expectError(patch(client, "/api/work-order-receipts/" + receipt, body("receiptDate", "someday")), 400,
                "validation_failed");

        patch(client, "/api/work-order-receipts/" + receipt, body("receiptDate", today.minusDays(3).toString(),
                "notes", "made a day later")).expectStatus().isOk().expectBody()
                .jsonPath("$.receipt.receiptDate").isEqualTo(today.minusDays(3).toString())
                .jsonPath("$.receipt.notes").isEqualTo("made a day later");
        eventually().untilAsserted(() -> client.get().uri("/api/materials-inventory/summary?materialId=" + p.steel()
                        + "&asOf=" + today.minusDays(4)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].onHand").isEqualTo("20"));
        // the move is several ledger events, each projected in its own time: await every date, not just the first
        eventually().untilAsserted(() -> client.get().uri("/api/materials-inventory/summary?materialId="
                        + p.steel() + "&asOf=" + today.minusDays(3)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].onHand").isEqualTo("16"));
        eventually().untilAsserted(() -> client.get().uri("/api/fg-inventory/summary?skuId=" + p.widget() + "&asOf="
                        + today.minusDays(3)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].onHand").isEqualTo("2"));
        awaitWidgets(client, p.widget(), "1");
        eventually().untilAsserted(() -> client.get().uri("/api/work-order-receipts/" + receipt).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.receipt.receiptDate").isEqualTo(today.minusDays(3).toString()));
        eventually().untilAsserted(() -> client.get().uri("/api/inventory/verify/work-orders").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.pendingEntries").isEqualTo(0)
                .jsonPath("$.differences.length()").isEqualTo(0));
    }
}
