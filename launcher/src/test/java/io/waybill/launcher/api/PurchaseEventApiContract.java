package io.waybill.launcher.api;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Purchase events ({@code POST /api/purchase-events}) on a placed order's lines: a shipment, a divide and a combine,
 * a cancel, an invoice; what the lines, the order, the ledger and the timeline show after them; and what is refused.
 */
abstract class PurchaseEventApiContract extends PurchaseOrderContractSupport {

    @Test
    void purchaseEventsFollowTheLinesAndMoveWhatIsOnOrderWithThem() {
        WebTestClient client = newOrg();
        Catalog c = catalog(client);
        String order = steelOrder(client, c);
        String po = read(order, "$.purchaseOrder.id");
        String line = read(order, "$.items[0].id");
        patch(client, "/api/purchase-orders/" + po, body("status", "Placed")).expectStatus().isOk();

        post(client, "/api/purchase-events", body("id", "ship-1", "purchaseOrderItemIds", List.of(line),
                "eventType", "shipped", "quantity", "40", "trackingNumber", "1Z999", "carrier", "UPS",
                "estimatedDelivery", "2027-01-15")).expectStatus().isCreated().expectBody()
                .jsonPath("$.purchaseEvent.id").isEqualTo("ship-1")
                .jsonPath("$.purchaseEvent.eventType").isEqualTo("shipped")
                .jsonPath("$.purchaseEvent.createdBy").isEqualTo(userIdOf(client))
                .jsonPath("$.purchaseOrder.status").isEqualTo("In Transit")
                .jsonPath("$.items[0].quantityShipped").isEqualTo("40")
                .jsonPath("$.items[0].trackingNumber").isEqualTo("1Z999")
                .jsonPath("$.items[0].expectedDelivery").isEqualTo("2027-01-15");
        post(client, "/api/purchase-events", body("id", "ship-1", "purchaseOrderItemIds", List.of(line),
                "eventType", "shipped", "quantity", "40", "trackingNumber", "1Z999", "carrier", "UPS",
                "estimatedDelivery", "2027-01-15")).expectStatus().isCreated().expectBody()
                .jsonPath("$.items[0].quantityShipped").isEqualTo("40");

        String divided = text(post(client, "/api/purchase-events", body("purchaseOrderItemIds", List.of(line),
                "eventType", "divide", "divideQuantity", "30")), 201);
        assertThat((List<String>) read(divided, "$.items[*].quantity")).containsExactly("70", "30");
        String part = read(divided, "$.items[1].id");
        awaitOnOrder(client, c.steel(), "100");
        post(client, "/api/purchase-events", body("purchaseOrderItemIds", List.of(line, part),
                "eventType", "combine")).expectStatus().isCreated().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].quantity").isEqualTo("100");
        post(client, "/api/purchase-events", body("purchaseOrderItemIds", List.of(line), "eventType", "canceled",
                "quantity", "20")).expectStatus().isCreated().expectBody()
                .jsonPath("$.items[0].quantity").isEqualTo("80")
                .jsonPath("$.items[0].quantityCanceled").isEqualTo("20");
        awaitOnOrder(client, c.steel(), "80");
        post(client, "/api/purchase-events", body("purchaseOrderItemIds", List.of(line), "eventType", "invoiced",
                "invoiceNumber", "INV-7", "invoiceAmount", "150.00", "lineTotalPaid", "100")).expectStatus()
                .isCreated().expectBody()
                .jsonPath("$.purchaseOrder.amountInvoiced").isEqualTo("150")
                .jsonPath("$.purchaseOrder.amountPaid").isEqualTo("100")
                .jsonPath("$.items[0].quantityInvoiced").isEqualTo("80");

        eventually().untilAsserted(() -> client.get().uri("/api/purchase-orders/{id}", po).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.purchaseOrder.amountInvoiced").isEqualTo("150")
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].quantity").isEqualTo("80")
                .jsonPath("$.items[0].quantityShipped").isEqualTo("40")
                .jsonPath("$.items[0].quantityCanceled").isEqualTo("20")
                .jsonPath("$.items[0].quantityInvoiced").isEqualTo("80")
                .jsonPath("$.items[0].carrier").isEqualTo("UPS")
                .jsonPath("$.items[0].expectedDelivery").isEqualTo("2027-01-15"));
        assertThat((List<String>) read(text(client.get().uri("/api/materials-inventory/ledger?materialId=" + c.steel())
                .exchange(), 200), "$.data[*].eventType")).containsExactlyInAnyOrder("ORDER", "RELEASE_ORDER",
                "ORDER", "RELEASE_ORDER", "ORDER", "RELEASE_ORDER");
        client.get().uri("/api/inventory/verify/purchase-orders").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.differences.length()").isEqualTo(0);
        awaitEventTypes(client, "/api/purchase-orders/" + po + "/events", "PurchaseOrderCreated",
                "PurchaseOrderPlaced", "PurchaseOrderStockPosted", "PurchaseLinesShipped", "PurchaseOrderInTransit",
                "PurchaseLineDivided", "PurchaseOrderStockPosted", "PurchaseLinesCombined",
                "PurchaseOrderStockPosted", "PurchaseLinesCanceled", "PurchaseOrderStockPosted",
                "PurchaseLinesInvoiced");
    }

    @Test
    void badPurchaseEventsAreRefusedAndChangeNothing() {
        WebTestClient client = newOrg();
        Catalog c = catalog(client);
        String first = steelOrder(client, c);
        String line = read(first, "$.items[0].id");
        String other = read(steelOrder(client, c), "$.items[0].id");
        expectError(post(client, "/api/purchase-events", body("purchaseOrderItemIds", List.of(line),
                "eventType", "received", "quantity", "5")), 400, "validation_failed")
                .jsonPath("$.error.details.fields.eventType").isNotEmpty();
        expectError(post(client, "/api/purchase-events", body("purchaseOrderItemIds", List.of(line),
                "eventType", "divide")), 400, "validation_failed")
                .jsonPath("$.error.details.fields.divideQuantity").isNotEmpty();
        expectError(post(client, "/api/purchase-events", body("purchaseOrderItemIds", List.of(line),
                "eventType", "teleported")), 400, "validation_failed");
        expectError(post(client, "/api/purchase-events", body("purchaseOrderItemIds", List.of(line, other),
                "eventType", "note", "notes", "both")), 400, "validation_failed");
        expectError(post(client, "/api/purchase-events", body("purchaseOrderItemIds", List.of("no-such-line"),
                "eventType", "note", "notes", "n")), 404, "not_found");
        expectError(post(client, "/api/purchase-events", body("purchaseOrderItemIds", List.of(line),
                "eventType", "shipped")), 409, "invalid_transition");
        WebTestClient stranger = newOrg();
        expectError(post(stranger, "/api/purchase-events", body("purchaseOrderItemIds", List.of(line),
                "eventType", "note", "notes", "n")), 404, "not_found");
        String po = read(first, "$.purchaseOrder.id");
        eventually().untilAsserted(() -> client.get().uri("/api/purchase-orders/{id}", po).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].quantityShipped").isEqualTo("0")
                .jsonPath("$.purchaseOrder.status").isEqualTo("Planning"));
    }
}
