package io.waybill.launcher.ops;

import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away (connections refused, open ones terminated) and comes back: readiness goes DOWN while
 * the projections fail, and UP again once they resume by themselves, with every event applied. PostgreSQL only:
 * the embedded database cannot be taken away from the process that holds it.
 */
class DatabaseOutageIT extends OpsTestSupport {

    private String database;

    @Override
    protected Map<String, Object> database() {
        database = TestDatabases.createPostgresDatabase();
        return TestDatabases.postgres(database);
    }

    @Override
    protected Map<String, Object> settings() {
        // Fail fast while the database refuses connections, so the outage shows within seconds.
        return Map.of("spring.datasource.hikari.connection-timeout", "2000");
    }

    @Test
    void projectionsResumeByThemselvesOnceTheDatabaseIsBack() throws Exception {
        WebTestClient owner = app.client(app.organisation(newId("outage")));
        String before = newId("before");
        createOrder(owner, before, "t");
        eventually().untilAsserted(() -> owner.get().uri("/api/orders/" + before).exchange().expectStatus().isOk());
        eventually().until(() -> readinessStatus() == 200);

        try (Connection admin = TestDatabases.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            try {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database + "'");
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                        .until(() -> readinessStatus() == 503);
                assertThat(readiness()).contains("\"failing\":[");
            } finally {
                sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }
        }

        // Axon's processors back off up to a minute between attempts.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> readinessStatus() == 200);
        String after = newId("after");
        eventually().untilAsserted(() -> post(owner, "/api/orders", body("id", after, "vendorName", "Acme"))
                .expectStatus().isCreated());
        eventually().untilAsserted(() -> owner.get().uri("/api/orders/" + after).exchange().expectStatus().isOk());
        eventually().untilAsserted(() -> {
            String all = text(owner.get().uri("/api/ops/projections").exchange(), 200);
            assertThat((List<Integer>) read(all, "$.data[*].lagEvents")).isNotEmpty().allMatch(lag -> lag == 0);
            assertThat((List<String>) read(all, "$.data[*].state")).allMatch("running"::equals);
        });
    }
}
