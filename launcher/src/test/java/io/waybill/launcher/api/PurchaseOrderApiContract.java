package io.waybill.launcher.api;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Purchase orders under {@code /api}: a create with its lines, numbered per organisation; the lifecycle through
 * {@code PATCH {status}}; lines; the lists and their filters; the timeline; and the catalog records it keeps in use.
 */
abstract class PurchaseOrderApiContract extends PurchaseOrderContractSupport {

    @Test
    void aPurchaseOrderIsCreatedPlacedAndFollowedOnItsTimeline() {
        WebTestClient client = newOrg();
        Catalog c = catalog(client);
        String body = text(post(client, "/api/purchase-orders", body("vendorId", c.vendor(), "targetType", "materials",
                "shipToLocationId", c.dock(), "expectedDeliveryDate", "2026-12-20", "shippingCosts", "15.50",
                "notes", "rush", "items", List.of(body("materialId", c.steel(), "quantity", "100", "unitCost", "2.5"),
                        body("materialId", c.bolt(), "quantity", "40")))), 201);
        String po = read(body, "$.purchaseOrder.id");
        assertThat((String) read(body, "$.purchaseOrder.poNumber")).isEqualTo("PO-000001");
        assertThat((String) read(body, "$.purchaseOrder.status")).isEqualTo("Planning");
        assertThat((String) read(body, "$.purchaseOrder.shippingCosts")).isEqualTo("15.5");
        assertThat((List<String>) read(body, "$.items[*].materialId")).containsExactly(c.steel(), c.bolt());
        assertThat((List<Object>) read(body, "$.items[*].skuId")).containsExactly(null, null);
        String second = read(text(post(client, "/api/purchase-orders", body("vendorId", c.vendor(),
                "targetType", "materials", "items", List.of())), 201), "$.purchaseOrder.poNumber");
        assertThat(second).isEqualTo("PO-000002");

        String yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        patch(client, "/api/purchase-orders/" + po, body("status", "Placed", "placedAt", yesterday))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("Placed").jsonPath("$.placedAt").isEqualTo(yesterday);
        expectError(patch(client, "/api/purchase-orders/" + po, body("status", "Paid")), 409, "invalid_transition")
                .jsonPath("$.error.details.allowed").isEqualTo(List.of("In Transit", "Cancelled"));
        expectError(patch(client, "/api/purchase-orders/" + po, body("vendorId", c.otherVendor())), 409,
                "invalid_transition");
        patch(client, "/api/purchase-orders/" + po, body("status", "In Transit")).expectStatus().isOk();

        eventually().untilAsserted(() -> client.get().uri("/api/purchase-orders/{id}", po).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.purchaseOrder.status").isEqualTo("In Transit")
                .jsonPath("$.purchaseOrder.placedAt").isEqualTo(yesterday)
                .jsonPath("$.purchaseOrder.inTransitAt").isNotEmpty()
                .jsonPath("$.items.length()").isEqualTo(2));
        awaitEventTypes(client, "/api/purchase-orders/" + po + "/events", "PurchaseOrderCreated",
                "PurchaseOrderPlaced", "PurchaseOrderStockPosted", "PurchaseOrderInTransit");
        eventually().untilAsserted(() -> assertThat((List<String>) read(text(client.get()
                .uri("/api/events?aggregateType=PurchaseOrder&type=PurchaseOrderPlaced").exchange(), 200),
                "$.data[*].aggregateId")).containsExactly(po));
    }

    @Test
    void linesChangeAndTheListsFilterByStatusItemVendorAndText() {
        WebTestClient client = newOrg();
        Catalog c = catalog(client);
        String po = read(text(post(client, "/api/purchase-orders", body("vendorId", c.vendor(), "targetType",
                "materials", "notes", "Spring restock", "items", List.of(body("materialId", c.steel(),
                        "quantity", "10")))), 201), "$.purchaseOrder.id");
        String other = read(text(post(client, "/api/purchase-orders", body("vendorId", c.otherVendor(),
                "targetType", "materials", "shipToLocationId", c.dock(), "items", List.of(body("materialId", c.bolt(),
                        "quantity", "3")))), 201), "$.purchaseOrder.id");
        String line = read(text(post(client, "/api/purchase-orders/" + po + "/items", body("materialId", c.bolt(),
                "quantity", "7", "unitCost", "0.10")), 201), "$.id");
        patch(client, "/api/purchase-order-items/" + line, body("quantity", "8", "unitCost", null))
                .expectStatus().isOk().expectBody().jsonPath("$.quantity").isEqualTo("8")
                .jsonPath("$.unitCost").doesNotExist();
        expectError(post(client, "/api/purchase-orders/" + po + "/items", body("skuId", c.steel(), "quantity", "1")),
                400, "validation_failed").jsonPath("$.error.details.field").isEqualTo("skuId");
        patch(client, "/api/purchase-orders/" + other, body("status", "Placed")).expectStatus().isOk();

        eventually().untilAsserted(() -> assertThat(ids(client, "/api/purchase-order-items?materialId=" + c.bolt()))
                .containsExactlyInAnyOrder(line, read(text(client.get().uri("/api/purchase-orders/" + other)
                        .exchange(), 200), "$.items[0].id")));
        eventually().untilAsserted(() -> assertThat(ids(client, "/api/purchase-orders?status=Placed"))
                .containsExactly(other));
        assertThat(ids(client, "/api/purchase-orders?status=Planning&status=Placed")).containsExactly(po, other);
        List<String> blankAndPlaced = read(text(client.get()
                .uri("/api/purchase-orders?status={blank}&status=Placed", " ").exchange(), 200), "$.data[*].id");
        assertThat(blankAndPlaced).as("a blank status is passed over").containsExactly(other);
        assertThat(ids(client, "/api/purchase-orders?vendorId=" + c.vendor())).containsExactly(po);
        assertThat(ids(client, "/api/purchase-orders?q=RESTOCK")).containsExactly(po);
        assertThat(ids(client, "/api/purchase-orders?q=PO-000002")).containsExactly(other);
        assertThat(ids(client, "/api/purchase-orders?materialId=" + c.steel())).containsExactly(po);
        assertThat(ids(client, "/api/purchase-order-items?status=Placed")).hasSize(1);
        expectError(client.get().uri("/api/purchase-orders?status=Lost").exchange(), 400, "validation_failed");
        client.get().uri("/api/purchase-order-statuses").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].status").isEqualTo("Planning")
                .jsonPath("$.data[0].next").isEqualTo(List.of("Placed", "Cancelled"));

        client.delete().uri("/api/purchase-order-items/{id}", line).exchange().expectStatus().isOk();
        client.delete().uri("/api/purchase-orders/{id}", po).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.deletedId").isEqualTo(po);
        expectError(client.delete().uri("/api/purchase-orders/{id}", other).exchange(), 409, "invalid_transition");
        awaitGone(client, "/api/purchase-orders/" + po);
        awaitEventTypes(client, "/api/purchase-orders/" + po + "/events", "PurchaseOrderCreated",
                "PurchaseOrderItemAdded", "PurchaseOrderItemChanged", "PurchaseOrderItemRemoved",
                "PurchaseOrderDeleted");
    }

    @Test
    void catalogRecordsItNamesStayInUseAndBadInputChangesNothing() {
        WebTestClient client = newOrg();
        Catalog c = catalog(client);
        String id = newSid("po");
        Map<String, Object> create = body("id", id, "vendorId", c.vendor(), "targetType", "materials",
                "items", List.of(body("materialId", c.steel(), "quantity", "5")));
        String first = text(post(client, "/api/purchase-orders", create), 201);
        assertThat((String) read(text(post(client, "/api/purchase-orders", create), 201), "$.purchaseOrder.poNumber"))
                .isEqualTo(read(first, "$.purchaseOrder.poNumber"));
        expectError(post(client, "/api/purchase-orders", body("id", id, "vendorId", c.vendor(), "targetType",
                "materials", "items", List.of())), 409, "conflict");
        expectError(delete(client, "/api/materials/" + c.steel()), 409, "in_use");
        expectError(delete(client, "/api/vendors/" + c.vendor()), 409, "in_use");

        expectError(post(client, "/api/purchase-orders", body("vendorId", c.vendor(), "targetType", "materials",
                "items", List.of(body("skuId", c.steel(), "quantity", "1")))), 400, "validation_failed")
                .jsonPath("$.error.details.fields['items[0]']").isNotEmpty();
        expectError(post(client, "/api/purchase-orders", body("vendorId", c.vendor(), "targetType", "parts",
                "items", List.of())), 400, "validation_failed").jsonPath("$.error.details.fields.targetType")
                .isNotEmpty();
        expectError(post(client, "/api/purchase-orders", body("vendorId", c.vendor(), "targetType", "materials",
                "shippingCosts", "-1", "items", List.of(body("materialId", c.steel(), "quantity", 5)))), 400,
                "validation_failed").jsonPath("$.error.details.fields.shippingCosts").isNotEmpty();
        expectError(post(client, "/api/purchase-orders", body("vendorId", "no-such-vendor", "targetType",
                "materials", "items", List.of())), 404, "not_found");
        expectError(patch(client, "/api/purchase-orders/" + id, body("paidAt", Instant.now().toString())), 400,
                "validation_failed");

        WebTestClient stranger = newOrg();
        expectError(stranger.get().uri("/api/purchase-orders/{id}", id).exchange(), 404, "not_found");
        expectError(patch(stranger, "/api/purchase-orders/" + id, body("status", "Placed")), 404, "not_found");
        expectError(post(stranger, "/api/purchase-orders", body("vendorId", c.vendor(), "targetType", "materials",
                "items", List.of())), 404, "not_found");
        eventually().untilAsserted(() -> assertThat(ids(client, "/api/purchase-orders")).containsExactly(id));
    }

    @Test
    void placingPutsTheLinesOnOrderAtTheShipToLocationAndCancellingReleasesWhatIsLeft() {
        WebTestClient client = newOrg();
        Catalog c = catalog(client);
        String body = text(post(client, "/api/purchase-orders", body("vendorId", c.vendor(), "targetType", "materials",
                "shipToLocationId", c.dock(), "items", List.of(body("materialId", c.steel(), "quantity", "100",
                        "unitCost", "2.5")))), 201);
        String po = read(body, "$.purchaseOrder.id");
        String line = read(body, "$.items[0].id");
        patch(client, "/api/purchase-orders/" + po, body("status", "Placed")).expectStatus().isOk();
        awaitOnOrder(client, c.steel(), "100");
        eventually().untilAsserted(() -> client.get().uri("/api/materials-inventory/ledger?materialId=" + c.steel())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].eventType").isEqualTo("ORDER")
                .jsonPath("$.data[0].locationId").isEqualTo(c.dock())
                .jsonPath("$.data[0].sourceType").isEqualTo("purchase_order")
                .jsonPath("$.data[0].sourceId").isEqualTo(po));

        patch(client, "/api/purchase-order-items/" + line, body("quantity", "60")).expectStatus().isOk();
        awaitOnOrder(client, c.steel(), "60");
        post(client, "/api/purchase-orders/" + po + "/items", body("materialId", c.bolt(), "quantity", "5"))
                .expectStatus().isCreated();
        awaitOnOrder(client, c.bolt(), "5");

        patch(client, "/api/purchase-orders/" + po, body("status", "Cancelled")).expectStatus().isOk();
        awaitOnOrder(client, c.steel(), "0");
        awaitOnOrder(client, c.bolt(), "0");
        assertThat((List<String>) read(text(client.get().uri("/api/materials-inventory/ledger?materialId=" + c.steel())
                .exchange(), 200), "$.data[*].eventType")).containsExactly("ORDER", "RELEASE_ORDER", "RELEASE_ORDER");
        client.get().uri("/api/inventory/verify").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.differences.length()").isEqualTo(0);
        awaitEventTypes(client, "/api/purchase-orders/" + po + "/events", "PurchaseOrderCreated",
                "PurchaseOrderPlaced", "PurchaseOrderStockPosted", "PurchaseOrderItemChanged",
                "PurchaseOrderStockPosted", "PurchaseOrderItemAdded", "PurchaseOrderStockPosted",
                "PurchaseOrderCancelled", "PurchaseOrderStockPosted");
    }

    @Test
    void receiptsTakeStockInMoveTheOrderToPartialThenReceivedAndAreListed() {
        WebTestClient client = newOrg();
        Catalog c = catalog(client);
        String body = steelOrder(client, c);
        String po = read(body, "$.purchaseOrder.id");
        String line = read(body, "$.items[0].id");
        expectError(post(client, "/api/purchase-orders/" + po + "/receipts", body("items",
                List.of(body("purchaseOrderItemId", line, "quantity", "1")))), 409, "invalid_transition");
        patch(client, "/api/purchase-orders/" + po, body("status", "Placed")).expectStatus().isOk();

        String first = text(post(client, "/api/purchase-orders/" + po + "/receipts", body("receiptDate",
                "2026-11-30", "notes", "first pallets", "items", List.of(body("purchaseOrderItemId", line,
                        "quantity", "30")))), 201);
        assertThat((String) read(first, "$.purchaseOrder.status")).isEqualTo("Partial");
        assertThat((String) read(first, "$.receiptItems[0].quantity")).isEqualTo("30");
        String receipt = read(first, "$.receipt.id");
        eventually().untilAsserted(() -> client.get().uri("/api/materials-inventory/summary?materialId=" + c.steel())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].onHand").isEqualTo("30").jsonPath("$.data[0].onOrder").isEqualTo("70"));
        expectError(post(client, "/api/purchase-orders/" + po + "/receipts", body("items",
                List.of(body("purchaseOrderItemId", line, "quantity", "71")))), 400, "validation_failed")
                .jsonPath("$.error.details.field").isEqualTo("items[0]");
        expectError(post(client, "/api/purchase-orders/" + po + "/receipts", body("items",
                List.of(body("purchaseOrderItemId", line)))), 400, "validation_failed");

        post(client, "/api/purchase-orders/" + po + "/receipts", body("items", List.of(body("purchaseOrderItemId",
                line, "quantity", "70")))).expectStatus().isCreated().expectBody()
                .jsonPath("$.purchaseOrder.status").isEqualTo("Received")
                .jsonPath("$.purchaseOrder.receivedAt").isNotEmpty();
        eventually().untilAsserted(() -> client.get().uri("/api/materials-inventory/summary?materialId=" + c.steel())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].onHand").isEqualTo("100").jsonPath("$.data[0].onOrder").isEqualTo("0"));
        eventually().untilAsserted(() -> client.get().uri("/api/purchase-orders/{id}", po).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.purchaseOrder.status").isEqualTo("Received")
                .jsonPath("$.items[0].quantityReceived").isEqualTo("100"));
        eventually().untilAsserted(() -> assertThat(ids(client, "/api/purchase-orders/" + po + "/receipts"))
                .hasSize(2).startsWith(receipt));
        patch(client, "/api/purchase-order-receipts/" + receipt, body("notes", "first pallets, checked"))
                .expectStatus().isOk().expectBody().jsonPath("$.receipt.notes").isEqualTo("first pallets, checked");
        expectError(patch(client, "/api/purchase-order-receipts/" + receipt, body("receiptDate", "2026-11-29")),
                400, "validation_failed").jsonPath("$.error.details.fields.receiptDate").exists();
        eventually().untilAsserted(() -> client.get().uri("/api/purchase-order-receipts/{id}", receipt).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.receipt.notes").isEqualTo("first pallets, checked")
                .jsonPath("$.receipt.receiptDate").isEqualTo("2026-11-30")
                .jsonPath("$.receiptItems[0].purchaseOrderItemId").isEqualTo(line));
        expectError(newOrg().get().uri("/api/purchase-order-receipts/{id}", receipt).exchange(), 404, "not_found");
        client.get().uri("/api/inventory/verify").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.differences.length()").isEqualTo(0);
        client.get().uri("/api/inventory/verify/purchase-orders").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.checkedOrders").isEqualTo(1)
                .jsonPath("$.checkedEntries").isEqualTo(3)
                .jsonPath("$.pendingEntries").isEqualTo(0)
                .jsonPath("$.differences.length()").isEqualTo(0);
        patch(client, "/api/purchase-orders/" + po, body("status", "Paid")).expectStatus().isOk();
        String received = read(text(client.get().uri("/api/materials-inventory/ledger?materialId=" + c.steel()
                + "&eventType=RECEIVE").exchange(), 200), "$.data[0].id");
        expectError(post(client, "/api/materials-inventory/ledger/" + received + "/reverse", Map.of()), 409,
                "invalid_transition");
    }

    @Test
    void aReceiptAtAnotherLocationTakesStockInThereAndReleasesWhatWasOnOrderAtTheShipToLocation() {
        WebTestClient client = newOrg();
        Catalog c = catalog(client);
        String yard = create(client, "locations", body("name", "Yard"));
        String order = steelOrder(client, c);
        String po = read(order, "$.purchaseOrder.id");
        String line = read(order, "$.items[0].id");
        patch(client, "/api/purchase-orders/" + po, body("status", "Placed")).expectStatus().isOk();
        String receipt = read(text(post(client, "/api/purchase-orders/" + po + "/receipts", body("locationId", yard,
                "items", List.of(body("purchaseOrderItemId", line, "quantity", "40")))), 201), "$.receipt.id");
        eventually().untilAsserted(() -> client.get().uri("/api/purchase-order-receipts/" + receipt).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.receipt.locationId").isEqualTo(yard));
        awaitStockAt(client, c.steel(), c.dock(), "0", "60");
        awaitStockAt(client, c.steel(), yard, "40", "0");
        expectError(delete(client, "/api/locations/" + yard), 409, "in_use");
        expectError(post(client, "/api/purchase-orders/" + po + "/receipts", body("locationId", "no-such-place",
                "items", List.of(body("purchaseOrderItemId", line, "quantity", "1")))), 404, "not_found");

        client.delete().uri("/api/purchase-order-receipts/" + receipt).exchange().expectStatus().isOk();
        awaitStockAt(client, c.steel(), c.dock(), "0", "100");
        awaitStockAt(client, c.steel(), yard, "0", "0");
        client.get().uri("/api/inventory/verify/purchase-orders").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.differences.length()").isEqualTo(0);
    }

    private static void awaitStockAt(WebTestClient client, String material, String location, String onHand,
                                     String onOrder) {
        eventually().untilAsserted(() -> client.get().uri("/api/materials-inventory/summary?materialId=" + material
                        + "&locationId=" + location).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].onHand").isEqualTo(onHand)
                .jsonPath("$.data[0].onOrder").isEqualTo(onOrder));
    }

    @Test
    void deletingAReceiptReversesItsStockUnlessItWasUsedAndTheOrderGoesBackWhereItsReceiptsLeaveIt() {
        WebTestClient client = newOrg();
        Catalog c = catalog(client);
        String body = steelOrder(client, c);
        String po = read(body, "$.purchaseOrder.id");
        String line = read(body, "$.items[0].id");
        patch(client, "/api/purchase-orders/" + po, body("status", "Placed")).expectStatus().isOk();
        String first = receive(client, po, line, "30");
        String second = receive(client, po, line, "20");
        awaitStock(client, c.steel(), "50", "50");
        post(client, "/api/materials-inventory/ledger", body("materialId", c.steel(), "eventType", "CONSUME",
                "locationId", c.dock(), "quantity", "15")).expectStatus().isCreated();

        client.delete().uri("/api/purchase-order-receipts/{id}", first).exchange().expectStatus().isOk();
        awaitStock(client, c.steel(), "5", "80");
        eventually().untilAsserted(() -> client.get().uri("/api/purchase-orders/{id}", po).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.purchaseOrder.status").isEqualTo("Partial")
                .jsonPath("$.items[0].quantityReceived").isEqualTo("20"));
        expectError(client.get().uri("/api/purchase-order-receipts/{id}", first).exchange(), 404, "not_found");
        expectError(client.delete().uri("/api/purchase-order-receipts/{id}", first).exchange(), 404, "not_found");
        assertThat(ids(client, "/api/purchase-orders/" + po + "/receipts")).containsExactly(second);
        eventually().untilAsserted(() -> client.get().uri("/api/materials-inventory/ledger?materialId=" + c.steel()
                        + "&eventType=REVERSE_RECEIVE").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].sourceType").isEqualTo("purchase_order")
                .jsonPath("$.data[0].sourceId").isEqualTo(po));

        expectError(client.delete().uri("/api/purchase-order-receipts/{id}", second).exchange(), 409,
                "insufficient_stock");
        client.get().uri("/api/purchase-order-receipts/{id}", second).exchange().expectStatus().isOk();
        awaitStock(client, c.steel(), "5", "80");

        post(client, "/api/materials-inventory/adjustments", body("materialId", c.steel(), "locationId", c.dock(),
                "quantity", "15")).expectStatus().isCreated();
        client.delete().uri("/api/purchase-order-receipts/{id}", second).exchange().expectStatus().isOk();
        awaitStock(client, c.steel(), "0", "100");
        eventually().untilAsserted(() -> client.get().uri("/api/purchase-orders/{id}", po).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.purchaseOrder.status").isEqualTo("Placed")
                .jsonPath("$.purchaseOrder.placedAt").isNotEmpty()
                .jsonPath("$.purchaseOrder.partialAt").doesNotExist()
                .jsonPath("$.items[0].quantityReceived").isEqualTo("0"));
        client.get().uri("/api/inventory/verify").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.differences.length()").isEqualTo(0);
        client.get().uri("/api/inventory/verify/purchase-orders").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.checkedEntries").isEqualTo(5)
                .jsonPath("$.differences.length()").isEqualTo(0);
        awaitEventTypes(client, "/api/purchase-orders/" + po + "/events", "PurchaseOrderCreated",
                "PurchaseOrderPlaced", "PurchaseOrderStockPosted", "PurchaseOrderReceiptRecorded",
                "PurchaseOrderStockPosted", "PurchaseOrderPartlyReceived", "PurchaseOrderReceiptRecorded",
                "PurchaseOrderStockPosted", "PurchaseOrderReceiptDeleted", "PurchaseOrderStockPosted",
                "PurchaseOrderReceiptDeleted", "PurchaseOrderStockPosted", "PurchaseOrderReopened");
    }

    @Test
    void theOrderCheckFindsADrawDownThatFoundLessOnOrderThanTheOrderPutThere() {
        WebTestClient client = newOrg();
        Catalog c = catalog(client);
        String body = steelOrder(client, c);
        String po = read(body, "$.purchaseOrder.id");
        patch(client, "/api/purchase-orders/" + po, body("status", "Placed")).expectStatus().isOk();
        awaitOnOrder(client, c.steel(), "100");
        post(client, "/api/materials-inventory/ledger", body("materialId", c.steel(), "eventType", "RELEASE_ORDER",
                "locationId", c.dock(), "quantity", "60")).expectStatus().isCreated();
        receive(client, po, read(body, "$.items[0].id"), "100");
        eventually().untilAsserted(() -> client.get().uri("/api/inventory/verify/purchase-orders?purchaseOrderId="
                        + po).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.pendingEntries").isEqualTo(0)
                .jsonPath("$.differences.length()").isEqualTo(1)
                .jsonPath("$.differences[0].what").isEqualTo("on_order")
                .jsonPath("$.differences[0].itemId").isEqualTo(c.steel())
                .jsonPath("$.differences[0].expected").isEqualTo("0")
                .jsonPath("$.differences[0].actual").isEqualTo("60"));
    }

    @Test
    void anImportCreatesEachRowOnItsOwnAndAnswersPerRow() {
        WebTestClient client = newOrg();
        Catalog c = catalog(client);
        String answer = text(post(client, "/api/purchase-orders/import", body("rows", List.of(
                body("id", "imported-1", "vendorId", c.vendor(), "targetType", "materials", "items",
                        List.of(body("materialId", c.steel(), "quantity", "5"))),
                body("id", "imported-2", "vendorId", "no-such-vendor", "targetType", "materials", "items", List.of()),
                body("vendorId", c.otherVendor(), "targetType", "materials", "items", List.of(body("materialId",
                        c.bolt(), "quantity", "0")))))), 200);
        assertThat((List<String>) read(answer, "$.data[*].status")).containsExactly("created", "failed", "failed");
        assertThat((String) read(answer, "$.data[0].id")).isEqualTo("imported-1");
        assertThat((String) read(answer, "$.data[1].id")).isEqualTo("imported-2");
        assertThat((List<String>) read(answer, "$.data[1:].error.code")).containsExactly("not_found",
                "validation_failed");
        eventually().untilAsserted(() -> assertThat(ids(client, "/api/purchase-orders")).containsExactly("imported-1"));
        expectError(post(client, "/api/purchase-orders/import", body("rows", List.of())), 400, "validation_failed");
    }

    @Test
    void controlsAreAppliedByTheRoleTheyTakeAndShowOnTheOrderTheListsAndTheTimeline() {
        WebTestClient client = newOrg();
        Catalog c = catalog(client);
        WebTestClient member = addMember(client, "member").client();
        String body = steelOrder(client, c);
        String po = read(body, "$.purchaseOrder.id");
        String line = read(body, "$.items[0].id");
        assertThat((Object) read(body, "$.purchaseOrder.controls.approved")).isNull();
        patch(client, "/api/organizations/current", body("requirePurchaseOrderApproval", true)).expectStatus().isOk()
                .expectBody().jsonPath("$.organization.requirePurchaseOrderApproval").isEqualTo(true);
        expectError(patch(member, "/api/organizations/current", body("requirePurchaseOrderApproval", false)), 403,
                "forbidden");
        expectError(patch(member, "/api/purchase-orders/" + po, body("status", "Placed")), 409,
                "invalid_transition");
        expectError(post(member, "/api/purchase-orders/" + po + "/approve", Map.of()), 403, "forbidden");
        post(client, "/api/purchase-orders/" + po + "/approve", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.controls.approved.at").isNotEmpty()
                .jsonPath("$.controls.approved.by").isEqualTo(userIdOf(client));
        patch(member, "/api/purchase-orders/" + po, body("status", "Placed")).expectStatus().isOk();
        expectError(post(member, "/api/purchase-orders/" + po + "/send", body("note", "by mail")), 400,
                "validation_failed").jsonPath("$.error.details.fields.note").isEqualTo("unknown field");
        member.post().uri("/api/purchase-orders/" + po + "/send").exchange().expectStatus().isOk();

        post(member, "/api/purchase-orders/" + po + "/lock", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.controls.locked.at").isNotEmpty();
        expectError(post(member, "/api/purchase-orders/" + po + "/receipts", body("items",
                List.of(body("purchaseOrderItemId", line, "quantity", "1")))), 409, "invalid_transition");
        expectError(post(member, "/api/purchase-orders/" + po + "/unlock", Map.of()), 403, "forbidden");
        post(client, "/api/purchase-orders/" + po + "/unlock", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.controls.locked").doesNotExist();

        post(member, "/api/purchase-orders/" + po + "/receipts", body("items", List.of(body("purchaseOrderItemId",
                line, "quantity", "40")))).expectStatus().isCreated();
        post(member, "/api/purchase-orders/" + po + "/close", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("Partial")
                .jsonPath("$.controls.closed.at").isNotEmpty();
        awaitOnOrder(client, c.steel(), "0");
        expectError(post(member, "/api/purchase-orders/" + po + "/receipts", body("items",
                List.of(body("purchaseOrderItemId", line, "quantity", "1")))), 409, "invalid_transition");
        patch(member, "/api/purchase-orders/" + po, body("status", "Paid")).expectStatus().isOk();

        post(member, "/api/purchase-orders/" + po + "/archive", Map.of()).expectStatus().isOk();
        eventually().untilAsserted(() -> assertThat(ids(client, "/api/purchase-orders?archived=true"))
                .containsExactly(po));
        assertThat(ids(client, "/api/purchase-orders")).doesNotContain(po);
        expectError(client.get().uri("/api/purchase-orders?archived=maybe").exchange(), 400, "validation_failed")
                .jsonPath("$.error.details.field").isEqualTo("archived");
        client.get().uri("/api/inventory/verify").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.differences.length()").isEqualTo(0);
        awaitEventTypes(client, "/api/purchase-orders/" + po + "/events", "PurchaseOrderCreated",
                "PurchaseOrderApproved", "PurchaseOrderPlaced", "PurchaseOrderStockPosted", "PurchaseOrderSent",
                "PurchaseOrderLocked", "PurchaseOrderUnlocked", "PurchaseOrderReceiptRecorded",
                "PurchaseOrderStockPosted", "PurchaseOrderPartlyReceived", "PurchaseOrderClosed",
                "PurchaseOrderStockPosted", "PurchaseOrderPaid", "PurchaseOrderArchived");
    }
}
