package io.waybill.launcher.api;

import io.waybill.api.access.Role;
import io.waybill.launcher.WaybillApplication;
import io.waybill.platform.security.Access;
import io.waybill.testing.RunningApp;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.Map;

import static io.waybill.launcher.api.ApiContractSupport.expectError;
import static io.waybill.launcher.api.ApiContractSupport.read;
import static io.waybill.launcher.api.ApiContractSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-token rate limit, what an internal failure shows the caller (a correlation id and nothing else), and
 * cross-origin calls from the configured origins only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestGuardsTest {

    private RunningApp app;

    /** Fails the way a bug deep down would, with internals in its message. Test-only, hence no @Configuration. */
    @RestController
    @Access(Role.VIEWER)
    static class FailingController {

        @GetMapping("/api/test-failure")
        Mono<String> fail() {
            return Mono.error(new IllegalStateException("SELECT secret FROM org_b at io.waybill.Somewhere"));
        }
    }

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>(TestDatabases.embedded());
        // one request per 100 s after a burst of 10: refills never interfere with what the test counts
        properties.put("waybill.security.rate-limit.requests-per-second", "0.01");
        properties.put("waybill.security.rate-limit.burst", "10");
        properties.put("waybill.http.cors.allowed-origins", "https://ops.example.com, http://localhost:5173");
        app = RunningApp.start(properties, WaybillApplication.class, FailingController.class);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aTokenOverItsRateIsToldWhenToRetryWhileOtherTokensGoOn() {
        WebTestClient busy = app.client("busy");
        WebTestClient calm = app.client("calm");
        for (int i = 0; i < 10; i++) {
            busy.get().uri("/api/orders").exchange().expectStatus().isOk();
        }
        var refused = busy.get().uri("/api/orders").exchange();
        refused.expectHeader().value("Retry-After", seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 100));
        expectError(refused, 429, "rate_limited").jsonPath("$.error.details.retryAfterSeconds").isNumber();
        calm.get().uri("/api/orders").exchange().expectStatus().isOk();
    }

    @Test
    void anInternalFailureAnswersItsCorrelationIdAndNoInternals() {
        WebTestClient client = app.client("failing").mutate().defaultHeader("X-Correlation-Id", "report-77").build();
        String body = text(client.get().uri("/api/test-failure").exchange(), 500);
        assertThat((String) read(body, "$.error.code")).isEqualTo("internal_error");
        assertThat((String) read(body, "$.error.details.correlationId")).isEqualTo("report-77");
        assertThat(body).doesNotContain("SELECT", "org_b", "io.waybill", "IllegalStateException");
    }

    @Test
    void aListedOriginsPreflightIsAnsweredBeforeAuthenticationAndOthersAreRefused() {
        WebTestClient anonymous = app.client();
        anonymous.options().uri("/api/orders").header("Origin", "https://ops.example.com")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, x-org-id, content-type, if-match")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://ops.example.com")
                .expectHeader().value("Access-Control-Allow-Methods", methods -> assertThat(methods).contains("PATCH"))
                .expectHeader().value("Access-Control-Allow-Headers", headers -> assertThat(headers.toLowerCase())
                        .contains("authorization", "x-org-id", "content-type", "if-match"))
                .expectHeader().doesNotExist("Access-Control-Allow-Credentials");
        expectError(anonymous.options().uri("/api/orders").header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET").exchange(), 403, "forbidden")
                .jsonPath("$.error.details.origin").isEqualTo("https://evil.example.com");
        anonymous.options().uri("/api/orders").header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");

        WebTestClient client = app.client("cors").mutate().defaultHeader("Origin", "http://localhost:5173").build();
        client.get().uri("/api/orders").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:5173")
                .expectHeader().value("Access-Control-Expose-Headers", exposed -> assertThat(exposed)
                        .contains("X-Correlation-Id"));
        expectError(client.get().uri("/api/orders").header("Origin", "https://evil.example.com").exchange(), 403,
                "forbidden");
    }
}
