package io.waybill.launcher.api;

import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;

/** The catalog a purchase-order contract test starts from, and the steps and waits its tests share. */
abstract class PurchaseOrderContractSupport extends CatalogContractSupport {

    /** A new order of 100 steel to the dock, in Planning: its answer. */
    static String steelOrder(WebTestClient client, Catalog c) {
        return text(post(client, "/api/purchase-orders", body("vendorId", c.vendor(), "targetType", "materials",
                "shipToLocationId", c.dock(), "items", List.of(body("materialId", c.steel(), "quantity", "100")))), 201);
    }

    /** Takes in {@code quantity} of the line; answers the receipt's id. */
    static String receive(WebTestClient client, String po, String line, String quantity) {
        return read(text(post(client, "/api/purchase-orders/" + po + "/receipts", body("items",
                List.of(body("purchaseOrderItemId", line, "quantity", quantity)))), 201), "$.receipt.id");
    }

    static void awaitStock(WebTestClient client, String material, String onHand, String onOrder) {
        eventually().untilAsserted(() -> client.get().uri("/api/materials-inventory/summary?materialId=" + material)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].onHand").isEqualTo(onHand)
                .jsonPath("$.data[0].onOrder").isEqualTo(onOrder));
    }

    static void awaitOnOrder(WebTestClient client, String material, String quantity) {
        eventually().untilAsserted(() -> client.get().uri("/api/materials-inventory/summary?materialId=" + material)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].onOrder").isEqualTo(quantity));
    }

    /** Two vendors, a location and two materials of a new organisation. */
    Catalog catalog(WebTestClient client) {
        String metals = materialType(client, "Metals");
        return new Catalog(create(client, "vendors", body("name", "Acme")),
                create(client, "vendors", body("name", "Bolt Works")),
                create(client, "locations", body("name", "Dock")),
                material(client, "ST-1", "Steel", metals), material(client, "BO-1", "Bolt", metals));
    }

    record Catalog(String vendor, String otherVendor, String dock, String steel, String bolt) {
    }
}
