package io.waybill.launcher.reliability;

import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

/**
 * A realistic history written over HTTP: orders with lines and lots that are shipped, delivered, rescheduled,
 * split, combined and deleted. Used wherever a test needs many kinds of events in the store.
 */
public final class OrderTrackingScenario {

    private OrderTrackingScenario() {
    }

    /** Writes the scenario {@code times} times under prefix-unique names; answers the number of item groups. */
    public static int write(WebTestClient client, String prefix, int times) {
        int groups = 0;
        for (int i = 0; i < times; i++) {
            String order = prefix + "-o" + i;
            String item = prefix + "-i" + i;
            post(client, "/api/orders", Map.of("id", order, "vendorName", "Vendor " + i, "uniqueName", order));
            post(client, "/api/items", Map.of("id", item, "orderId", order, "quantity", "100",
                    "title", "Part " + i, "pricePerUnit", "1.25"));
            for (int g = 0; g < 3; g++) {
                String group = prefix + "-g" + i + "-" + g;
                post(client, "/api/item-groups", Map.of("id", group, "itemId", item, "quantity", "30",
                        "dueDate", "2026-12-0" + (g + 1)));
                groups++;
            }
            patch(client, "/api/item-groups/" + prefix + "-g" + i + "-0",
                    Map.of("shipped", true, "shipDate", "2026-11-30", "trackingNumber", "TRK" + i));
            patch(client, "/api/item-groups/" + prefix + "-g" + i + "-0", Map.of("delivered", true));
            patch(client, "/api/item-groups/" + prefix + "-g" + i + "-1", Map.of("dueDate", "2027-01-15"));
            client.post().uri("/api/item-groups/" + prefix + "-g" + i + "-1/split")
                    .bodyValue(Map.of("quantities", java.util.List.of("10", "20"),
                            "newIds", java.util.List.of(prefix + "-s" + i)))
                    .exchange().expectStatus().isOk();
            groups++;
            client.post().uri("/api/item-groups/combine")
                    .bodyValue(Map.of("itemGroupIds", java.util.List.of(prefix + "-g" + i + "-2", prefix + "-s" + i)))
                    .exchange().expectStatus().isOk();
            patch(client, "/api/items/" + item, Map.of("title", "Part " + i + " rev B", "status", "canceled"));
            patch(client, "/api/orders/" + order, Map.of("title", "Order " + i));
        }
        client.delete().uri("/api/orders/" + prefix + "-o0").exchange().expectStatus().isOk();
        return groups;
    }

    private static void post(WebTestClient client, String uri, Map<String, Object> body) {
        client.post().uri(uri).bodyValue(body).exchange().expectStatus().isCreated();
    }

    private static void patch(WebTestClient client, String uri, Map<String, Object> body) {
        client.patch().uri(uri).bodyValue(body).exchange().expectStatus().isOk();
    }
}
