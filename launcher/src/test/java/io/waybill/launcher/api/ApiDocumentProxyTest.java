package io.waybill.launcher.api;

import io.waybill.launcher.NodeTools;
import io.waybill.launcher.WaybillApplication;
import io.waybill.launcher.reliability.OrderTrackingScenario;
import io.waybill.launcher.reliability.StockScenario;
import io.waybill.testing.RunningApp;
import io.waybill.testing.TestDatabases;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.waybill.launcher.api.ApiContractSupport.read;
import static io.waybill.launcher.api.ApiContractSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document checked against the service that serves it: a walk through the API (the writes of every
 * resource, every list, single records, timelines, refusals) goes through Prism's validating proxy, built from the
 * document ({@code src/test/contract}), and Prism reports each request and answer that does not match it. There
 * must be none. Prism's log is kept in {@code target/prism.log}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentProxyTest {

    private static final String VIOLATIONS = "sl-violations";
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private RunningApp app;
    private Process prism;
    private WebTestClient proxied;
    private String document;

    @BeforeAll
    void start() throws IOException {
        Path home = NodeTools.require("contract", "@stoplight/prism-cli");
        app = RunningApp.start(TestDatabases.embedded(), WaybillApplication.class);
        document = text(app.client().get().uri("/v3/api-docs").exchange(), 200);
        Path file = Path.of("target", "openapi-proxied.json").toAbsolutePath();
        Files.writeString(file, document);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String upstream = "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port");
        prism = new ProcessBuilder("node", "node_modules/@stoplight/prism-cli/dist/index.js", "proxy",
                file.toString(), upstream, "--host", "127.0.0.1", "--port", String.valueOf(port))
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "prism.log").toFile()).start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> {
                    try (Socket ignored = new Socket("127.0.0.1", port)) {
                        return true;
                    }
                });
        RunningApp.Credentials org = app.organisation("proxied");
        proxied = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("Authorization", "Bearer " + org.token())
                .defaultHeader("X-Org-Id", org.orgId())
                .filter((request, next) -> next.exchange(request).doOnNext(response -> response.headers()
                        .header(VIOLATIONS).forEach(found -> violations.add(request.method() + " "
                                + request.url().getRawPath() + " → " + response.statusCode().value() + ": " + found))))
                .build();
    }

    @AfterAll
    void stop() {
        if (prism != null) {
            prism.destroy();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyRequestAndAnswerOfAWalkThroughTheApiMatchesTheDocument() {
        OrderTrackingScenario.write(proxied, "doc", 2);
        send("POST", "/api/item-groups/bulk-update", Map.of("rows", List.of(Map.of("id", "doc-g1-0",
                "trackingNumber", "TRK-B"))), 200);
        StockScenario.write(proxied);
        readmeSession();
        purchaseOrders();
        access();
        List<String> read = new ArrayList<>();
        for (String path : gets()) {
            String uri = filled(path);
            read.add(uri + " " + proxied.get().uri(uri).exchange().expectBody(String.class).returnResult().getStatus()
                    .value());
        }
        refusals();
        assertThat(read).as("the documented reads, each of a record the walk wrote where it has an id")
                .filteredOn(answer -> answer.endsWith(" 200")).hasSizeGreaterThan(40);
        assertThat(violations).as("violations of the document, by Prism").isEmpty();
    }

    /**
     * The README's session, sent as the document's own examples show it: an order, its line and a lot by unique
     * names, the lot shipped, split and combined again, a stream ticket for it, a token. Each answer has the shape
     * of the answer the document shows for it: the same fields, all the way down.
     */
    private void readmeSession() {
        answered("POST", "/api/orders", "/api/orders", 201);
        answered("POST", "/api/items", "/api/items", 201);
        answered("POST", "/api/item-groups", "/api/item-groups", 201);
        answered("PATCH", "/api/item-groups/{idOrUniqueName}", "/api/item-groups/lot-1", 200);
        answered("POST", "/api/item-groups/{id}/split", "/api/item-groups/lot-1/split", 200);
        answered("POST", "/api/item-groups/combine", "/api/item-groups/combine", 200);
        answered("POST", "/api/streams/tickets", "/api/streams/tickets", 201);
        answered("POST", "/api/tokens", "/api/tokens", 201);
    }

    private void answered(String method, String path, String uri, int status) {
        String operation = "$.paths['" + path + "']." + method.toLowerCase(Locale.ROOT);
        Map<String, Object> example = read(document, operation + ".requestBody.content['application/json'].example");
        String answer = send(method, uri, example, status);
        Object shown = read(document, operation + ".responses['" + status + "'].content['application/json'].example");
        assertThat(shape(read(answer, "$"))).as(method + " " + path + " answered " + answer).isEqualTo(shape(shown));
    }

    /** A JSON value's fields, all the way down (a list by its first element), without their values. */
    private static Object shape(Object json) {
        if (json instanceof Map<?, ?> object) {
            Map<Object, Object> fields = new TreeMap<>();
            object.forEach((name, value) -> fields.put(name, shape(value)));
            return fields;
        }
        if (json instanceof List<?> list) {
            return list.isEmpty() ? List.of() : List.of(shape(list.get(0)));
        }
        return "value";
    }

    /** A purchase order placed, shipped in part, received in part, locked and unlocked. */
    private void purchaseOrders() {
        String vendor = id(post("/api/vendors", Map.of("name", "Steel Co")), "$.id");
        String location = first("/api/locations");
        String material = first("/api/materials");
        String created = post("/api/purchase-orders", Map.of("vendorId", vendor, "targetType", "materials",
                "shipToLocationId", location, "items", List.of(Map.of("materialId", material, "quantity", "5",
                        "unitCost", "2.35"))));
        String order = id(created, "$.purchaseOrder.id");
        String line = id(created, "$.items[0].id");
        send("PATCH", "/api/purchase-orders/" + order, Map.of("status", "Placed"), 200);
        send("POST", "/api/purchase-events", Map.of("purchaseOrderItemIds", List.of(line), "eventType", "shipped",
                "quantity", "2", "trackingNumber", "1Z999", "carrier", "UPS"), 201);
        send("POST", "/api/purchase-orders/" + order + "/receipts", Map.of("items",
                List.of(Map.of("purchaseOrderItemId", line, "quantity", "2"))), 201);
        for (String control : List.of("lock", "unlock")) {
            send("POST", "/api/purchase-orders/" + order + "/" + control, null, 200);
        }
    }

    /** Tokens, the organisation, a stream ticket and a replay. */
    private void access() {
        String token = post("/api/tokens", Map.of("name", "walk"));
        send("DELETE", "/api/tokens/" + id(token, "$.token.id"), null, 200);
        send("PATCH", "/api/organizations/current", Map.of("legalName", "Proxied Ltd"), 200);
        post("/api/streams/tickets", Map.of("path", "/api/events/stream"));
        send("POST", "/api/ops/projections/items/replay", null, 202);
    }

    /**
     * Refusals: their answers must be the envelope with a code the document lists for that operation and status,
     * whatever the request did wrong (a name taken, stock short, a material in use, a step the status forbids).
     */
    private void refusals() {
        refused(proxied.get().uri("/api/orders/no-such-order"), 404);
        refused(proxied.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "doc-bad", "vendorName", 7)), 400);
        refused(proxied.patch().uri("/api/item-groups/doc-g1-0").contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "99").bodyValue(Map.of("trackingNumber", "late")), 409);
        refused(proxied.mutate().defaultHeaders(headers -> headers.remove("Authorization")).build()
                .get().uri("/api/orders"), 401);
        refused(proxied.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("vendorName", "Bolt Works", "uniqueName", "PO-1001")), 409);
        String material = first("/api/materials");
        String location = first("/api/locations");
        refused(proxied.post().uri("/api/materials-inventory/ledger").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("eventType", "CONSUME", "materialId", material, "locationId", location,
                        "quantity", "100000")), 409);
        refused(proxied.delete().uri("/api/materials/" + material), 409);
        String draft = id(post("/api/purchase-orders", Map.of("vendorId", first("/api/vendors"), "targetType",
                "materials", "shipToLocationId", location, "items", List.of(Map.of("materialId", material,
                        "quantity", "1", "unitCost", "1")))), "$.purchaseOrder.id");
        refused(proxied.patch().uri("/api/purchase-orders/" + draft).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "Paid")), 409);
    }

    private void refused(WebTestClient.RequestHeadersSpec<?> request, int status) {
        int before = violations.size();
        request.exchange().expectStatus().isEqualTo(status);
        // the request was wrong on purpose: only what Prism says of the answer counts
        List<String> found = new ArrayList<>(violations.subList(before, violations.size()));
        violations.subList(before, violations.size()).clear();
        found.stream().filter(violation -> violation.contains("\"response\"")).forEach(violations::add);
    }

    /** Every documented read but the streams. */
    private List<String> gets() {
        Map<String, Map<String, Object>> paths = read(document, "$.paths");
        List<String> found = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (operations.containsKey("get") && !path.endsWith("/stream")) {
                found.add(path);
            }
        });
        return new ArrayList<>(new TreeSet<>(found));
    }

    /**
     * The path with its variables filled: the catalog's collection and the inventories by one of theirs, every id by
     * a record the walk wrote, found in its resource's list.
     */
    private String filled(String path) {
        String concrete = path.replace("{collection}", "locations").replace("{inventory}", "materials-inventory");
        int variable = concrete.indexOf("/{");
        if (variable < 0) {
            return concrete;
        }
        String resource = concrete.substring("/api/".length(), variable);
        String id = switch (resource) {
            case "events" -> first("/api/events", "$.data[0].eventId");
            case "boms" -> first("/api/boms", "$.data[0].outputSkuId");
            case "inventory" -> first("/api/materials");
            case "ops/projections" -> "items";
            case "ops/dead-letters" -> "9d0cf2a4-1f5e-4a53-9e0c-6b1f0d6d2f3e";
            case "purchase-order-receipts" -> first("/api/purchase-orders/" + first("/api/purchase-orders")
                    + "/receipts");
            case "work-order-receipts" -> first("/api/work-orders/" + first("/api/work-orders") + "/receipts");
            default -> first("/api/" + resource);
        };
        return concrete.replaceFirst("\\{[^}]+}", id);
    }

    private String first(String list) {
        return first(list, "$.data[0].id");
    }

    private String first(String list, String path) {
        String found = read(text(proxied.get().uri(list + (list.contains("?") ? "&" : "?") + "limit=1").exchange(),
                200), path);
        assertThat(found).as(list).isNotBlank();
        return found;
    }

    private String post(String uri, Map<String, Object> body) {
        return send("POST", uri, body, 201);
    }

    private String send(String method, String uri, Map<String, Object> body, int status) {
        WebTestClient.RequestBodySpec request = proxied.method(HttpMethod.valueOf(method))
                .uri(uri);
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return text(ready.exchange(), status);
    }

    private static String id(String json, String path) {
        return read(json, path);
    }
}
