package io.waybill.launcher.ops;

import com.jayway.jsonpath.JsonPath;
import io.waybill.launcher.JsonRequests;
import io.waybill.launcher.WaybillApplication;
import io.waybill.testing.RunningApp;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** One running service per test class, with what the ops tests share: requests, JSON, waiting. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpsTestSupport {

    protected RunningApp app;
    protected JdbcTemplate jdbc;

    /** The properties of the way to run under test. */
    protected abstract Map<String, Object> database();

    /** Settings the test class adds. */
    protected Map<String, Object> settings() {
        return Map.of();
    }

    /** Test-only components the service is started with. */
    protected Class<?>[] extraSources() {
        return new Class<?>[0];
    }

    @BeforeAll
    void startService() {
        Map<String, Object> properties = new HashMap<>(database());
        properties.putAll(settings());
        Class<?>[] extra = extraSources();
        Class<?>[] sources = new Class<?>[extra.length + 1];
        sources[0] = WaybillApplication.class;
        System.arraycopy(extra, 0, sources, 1, extra.length);
        app = RunningApp.start(properties, sources);
        jdbc = app.bean(JdbcTemplate.class);
    }

    @AfterAll
    void stopService() {
        if (app != null) {
            app.close();
        }
    }

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions();
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
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

    static String text(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
    }

    static <T> T read(String json, String path) {
        return JsonPath.read(json, path);
    }

    static void createOrder(WebTestClient client, String sid, String title) {
        post(client, "/api/orders", body("id", sid, "vendorName", "Acme", "title", title))
                .expectStatus().isCreated();
    }

    /** The readiness answer: its HTTP status and body. */
    String readiness() {
        return app.client().get().uri("/actuator/health/readiness").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    int readinessStatus() {
        return app.client().get().uri("/actuator/health/readiness").exchange()
                .returnResult(String.class).getStatus().value();
    }

    /** A member of the client's organisation with {@code role}, through the first token they are given. */
    WebTestClient member(RunningApp.Credentials org, String role) {
        String answer = text(post(app.client(org), "/api/organizations/current/members",
                body("email", newId(role) + "@example.com", "role", role)), 201);
        return app.client(new RunningApp.Credentials(org.orgId(), read(answer, "$.plaintext")));
    }
}
