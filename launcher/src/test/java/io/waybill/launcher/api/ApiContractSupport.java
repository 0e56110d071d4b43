package io.waybill.launcher.api;

import com.jayway.jsonpath.JsonPath;
import io.waybill.launcher.ApiTestBase;
import io.waybill.launcher.JsonRequests;
import io.waybill.testing.RunningApp;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** What the API contracts share: building requests, creating resources, reading errors and timelines. */
abstract class ApiContractSupport extends ApiTestBase {

    /** A status and body as a caller saw them, from a request sent alongside others. */
    record Reply(int status, String body) {

        <T> T read(String path) {
            return JsonPath.read(body, path);
        }
    }

    WebTestClient orgClient(String orgId) {
        return app.client(orgId);
    }

    WebTestClient clientWithoutOrg() {
        return app.client();
    }

    /** A user of an organisation, with a client that sends their token. */
    record Member(String userId, WebTestClient client) {
    }

    /** Adds a new user to the owner's organisation with {@code role}, using the first token they are given. */
    Member addMember(WebTestClient owner, String role) {
        String orgId = orgIdOf(owner);
        String answer = text(post(owner, "/api/organizations/current/members",
                body("email", newSid(role) + "@example.com", "role", role)), 201);
        return new Member(read(answer, "$.membership.userId"), app.client(new RunningApp.Credentials(orgId,
                read(answer, "$.plaintext"))));
    }

    static String orgIdOf(WebTestClient client) {
        return read(text(client.get().uri("/api/organizations/current").exchange(), 200), "$.organization.id");
    }

    static String userIdOf(WebTestClient client) {
        return read(text(client.get().uri("/api/users/me").exchange(), 200), "$.user.id");
    }

    static String newSid(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String newOrgId() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> body(Object... namesAndValues) {
        return JsonRequests.body(namesAndValues);
    }

    static WebTestClient.ResponseSpec post(WebTestClient client, String uri, Object body) {
        return JsonRequests.post(client, uri, body);
    }

    static WebTestClient.ResponseSpec patch(WebTestClient client, String uri, Object body) {
        return JsonRequests.patch(client, uri, body);
    }

    static WebTestClient.BodyContentSpec expectError(WebTestClient.ResponseSpec response, int status, String code) {
        return response.expectStatus().isEqualTo(status).expectBody()
                .jsonPath("$.error.code").isEqualTo(code)
                .jsonPath("$.error.message").isNotEmpty();
    }

    static String text(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
    }

    static <T> T read(String json, String path) {
        return JsonPath.read(json, path);
    }

    static String createOrder(WebTestClient client, String sid) {
        post(client, "/api/orders", body("id", sid, "vendorId", "vendor-1", "vendorName", "Acme"))
                .expectStatus().isCreated();
        return sid;
    }

    static String createItem(WebTestClient client, String orderSid, String sid, String quantity) {
        post(client, "/api/items", body("id", sid, "orderId", orderSid, "title", "Bolt", "quantity", quantity))
                .expectStatus().isCreated();
        return sid;
    }

    static String createGroup(WebTestClient client, String itemSid, String sid, String quantity) {
        post(client, "/api/item-groups", body("id", sid, "itemId", itemSid, "quantity", quantity))
                .expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(1);
        return sid;
    }

    /** An order with one item of quantity 10 and one lot of that item, answers the lot's sid. */
    static String createOrderItemAndGroup(WebTestClient client, String quantity) {
        String order = createOrder(client, newSid("o"));
        String item = createItem(client, order, newSid("i"), "10");
        return createGroup(client, item, newSid("g"), quantity);
    }

    static void awaitVisible(WebTestClient client, String path) {
        eventually().untilAsserted(() -> client.get().uri(path).exchange().expectStatus().isOk());
    }

    static void awaitGone(WebTestClient client, String path) {
        eventually().untilAsserted(() -> expectError(client.get().uri(path).exchange(), 404, "not_found"));
    }

    /** The event types of a timeline, once the resource it belongs to is visible. */
    static List<String> eventTypes(WebTestClient client, String timelinePath) {
        AtomicReference<List<String>> types = new AtomicReference<>();
        eventually().untilAsserted(() -> types.set(readTypes(client, timelinePath)));
        return types.get();
    }

    static List<String> readTypes(WebTestClient client, String timelinePath) {
        String separator = timelinePath.contains("?") ? "&" : "?";
        return read(text(client.get().uri(timelinePath + separator + "limit=500").exchange(), 200), "$.data[*].type");
    }

    static void awaitEventTypes(WebTestClient client, String timelinePath, String... types) {
        eventually().untilAsserted(() -> assertThat(readTypes(client, timelinePath)).containsExactly(types));
    }

    /** A client for the same server that does not wait for one exchange to end before the next. */
    WebClient concurrentClient(String orgId) {
        String port = app.context().getEnvironment().getProperty("local.server.port");
        var org = app.organisation(orgId);
        return WebClient.builder().baseUrl("http://localhost:" + port).defaultHeader("X-Org-Id", org.orgId())
                .defaultHeader("Authorization", "Bearer " + org.token()).build();
    }

    /** Sends {@code count} requests at once and answers what each caller saw. */
    static List<Reply> concurrently(int count, Function<Integer, WebClient.RequestHeadersSpec<?>> request) {
        return Flux.range(0, count)
                .flatMap(i -> request.apply(i).exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(body -> new Reply(response.statusCode().value(), body))), count)
                .collectList()
                .block(Duration.ofSeconds(60));
    }
}
