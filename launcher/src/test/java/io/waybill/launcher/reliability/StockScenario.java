package io.waybill.launcher.reliability;

import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A catalog with a BOM, ledger movements of every kind and work orders, written over HTTP. */
public final class StockScenario {

    private StockScenario() {
    }

    public static void write(WebTestClient client) {
        String a = create(client, "/api/locations", Map.of("name", "Main"));
        String b = create(client, "/api/locations", Map.of("name", "Dock"));
        String type = create(client, "/api/material-types", Map.of("name", "Raw"));
        String material = create(client, "/api/materials", Map.of("code", "M-1", "name", "Sheet", "typeId", type));
        String skuType = create(client, "/api/sku-types", Map.of("name", "Boxed"));
        String sku = create(client, "/api/skus", Map.of("code", "S-1", "name", "Box", "typeId", skuType));
        create(client, "/api/boms", Map.of("outputSkuId", sku, "items",
                List.of(Map.of("materialId", material, "quantityPerUnit", "2.5"))));
        for (String movement : List.of("ORDER", "RECEIVE", "DEMAND", "ALLOCATE", "CONSUME")) {
            create(client, "/api/materials-inventory/ledger", Map.of("eventType", movement, "materialId", material,
                    "locationId", a, "quantity", "4"));
        }
        create(client, "/api/materials-inventory/ledger", Map.of("eventType", "RECEIVE", "materialId", material,
                "locationId", a, "quantity", "10", "eventDate", "2026-01-15"));
        String adjustment = create(client, "/api/materials-inventory/adjustments", Map.of("materialId", material,
                "locationId", a, "quantity", "-2"));
        String ref = post(client, "/api/materials-inventory/transfers", Map.of("materialId", material,
                "sourceLocationId", a, "destinationLocationId", b, "quantity", "3")).get("ref").toString();
        post(client, "/api/materials-inventory/transfers/" + ref + "/complete", Map.of());
        post(client, "/api/materials-inventory/ledger/" + adjustment + "/reverse", Map.of("notes", "recounted"));
        create(client, "/api/fg-inventory/ledger", Map.of("eventType", "PRODUCE", "skuId", sku, "locationId", b,
                "quantity", "6"));
        workOrders(client, a, sku);
    }

    /**
     * A work order placed at {@code site} (demand and allocation), with a receipt that stands and one deleted, and a
     * cancelled one; written once the ledger's read model shows every entry they posted.
     */
    @SuppressWarnings("unchecked")
    private static void workOrders(WebTestClient client, String site, String sku) {
        Map<String, Object> placed = post(client, "/api/work-orders", Map.of("workSiteLocationId", site, "status",
                "Placed", "items", List.of(Map.of("skuId", sku, "quantity", "2"))));
        String order = ((Map<String, Object>) placed.get("workOrder")).get("id").toString();
        String line = ((List<Map<String, Object>>) placed.get("items")).get(0).get("id").toString();
        post(client, "/api/work-orders/" + order + "/receipts", Map.of("items", List.of(Map.of("workOrderItemId",
                line, "quantity", "1"))));
        Map<String, Object> second = post(client, "/api/work-orders/" + order + "/receipts", Map.of("items",
                List.of(Map.of("workOrderItemId", line, "quantity", "1"))));
        client.delete().uri("/api/work-order-receipts/{id}", ((Map<String, Object>) second.get("receipt")).get("id"))
                .exchange().expectStatus().isOk();
        Map<String, Object> cancelled = post(client, "/api/work-orders", Map.of("workSiteLocationId", site, "status",
                "Placed", "items", List.of(Map.of("skuId", sku, "quantity", "1"))));
        client.patch().uri("/api/work-orders/{id}", ((Map<String, Object>) cancelled.get("workOrder")).get("id"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "Cancelled")).exchange()
                .expectStatus().isOk();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get()
                .uri("/api/inventory/verify/work-orders").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.checkedOrders").isEqualTo(2)
                .jsonPath("$.pendingEntries").isEqualTo(0)
                .jsonPath("$.differences.length()").isEqualTo(0));
    }

    private static String create(WebTestClient client, String uri, Map<String, Object> body) {
        Object id = post(client, uri, body).get("id");
        return id == null ? null : id.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> post(WebTestClient client, String uri, Map<String, Object> body) {
        Map<String, Object> answer = client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer).isNotNull();
        return answer;
    }
}
