package io.waybill.launcher.reliability;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Writers over HTTP, each in one of a few organisations, until a deadline: orders, their lines and lots, a lot
 * shipped, a receipt of the organisation's material at its location, now and then a new location. Remembers what
 * the service acknowledged, for comparison with the read models.
 */
final class GapWorkload {

    /** What one organisation was acknowledged: counts, lot versions, the material's receipts at the location. */
    static final class Acknowledged {
        final String orgId;
        final String location;
        final String material;
        final AtomicInteger orders = new AtomicInteger();
        final AtomicInteger items = new AtomicInteger();
        final AtomicInteger catalogRecords = new AtomicInteger(3);
        final Map<String, Long> lotVersions = new ConcurrentHashMap<>();
        final Map<String, BigDecimal> received = new ConcurrentHashMap<>();

        Acknowledged(String orgId, String location, String material) {
            this.orgId = orgId;
            this.location = location;
            this.material = material;
        }

        BigDecimal onHand() {
            return received.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private GapWorkload() {
    }

    /** Creates the organisation's location, material type and material. */
    static Acknowledged open(WebTestClient client, String orgId) {
        String location = id(post(client, "/api/locations", Map.of("name", "Main")));
        String type = id(post(client, "/api/material-types", Map.of("name", "Raw")));
        String material = id(post(client, "/api/materials", Map.of("code", "M-1", "name", "Sheet", "typeId", type)));
        return new Acknowledged(orgId, location, material);
    }

    /** One writer's loop, while {@code writing} holds; answers the number of requests acknowledged. */
    static int write(WebTestClient client, Acknowledged acks, String writer, BooleanSupplier writing) {
        int requests = 0;
        for (int i = 0; writing.getAsBoolean(); i++) {
            String key = writer + "-" + i;
            post(client, "/api/orders", Map.of("id", "o-" + key, "vendorName", "Vendor " + writer));
            acks.orders.incrementAndGet();
            post(client, "/api/items", Map.of("id", "i-" + key, "orderId", "o-" + key, "quantity", "10",
                    "title", "Part " + key));
            acks.items.incrementAndGet();
            post(client, "/api/item-groups", Map.of("id", "g-" + key, "itemId", "i-" + key, "quantity", "10"));
            Map<String, Object> shipped = patch(client, "/api/item-groups/g-" + key,
                    Map.of("shipped", true, "trackingNumber", "T" + key));
            acks.lotVersions.put("g-" + key, ((Number) shipped.get("version")).longValue());
            String quantity = Integer.toString(1 + i % 9);
            String entry = id(post(client, "/api/materials-inventory/ledger", Map.of("eventType", "RECEIVE",
                    "materialId", acks.material, "locationId", acks.location, "quantity", quantity)));
            acks.received.put(entry, new BigDecimal(quantity));
            requests += 5;
            if (i % 10 == 9) {
                post(client, "/api/locations", Map.of("name", "Bay " + key));
                acks.catalogRecords.incrementAndGet();
                requests++;
            }
        }
        return requests;
    }

    static Map<String, Object> post(WebTestClient client, String uri, Map<String, Object> body) {
        return answer(client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated());
    }

    private static Map<String, Object> patch(WebTestClient client, String uri, Map<String, Object> body) {
        return answer(client.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answer(WebTestClient.ResponseSpec spec) {
        return spec.expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String id(Map<String, Object> answer) {
        return answer.get("id").toString();
    }
}
