package io.waybill.launcher.reliability;

import com.jayway.jsonpath.JsonPath;
import io.waybill.command.CommandSideApplication;
import io.waybill.platform.security.AccessChanges;
import io.waybill.query.QuerySideApplication;
import io.waybill.testing.RunningApp;
import io.waybill.testing.RunningApp.Credentials;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tokens are kept by every process between requests, and a revocation still reaches all of them: the command side
 * that revoked the token refuses it on the very next request, and a query side that was serving it refuses it as
 * soon as PostgreSQL's notification of the change arrives.
 */
class TokensAcrossProcessesIT {

    /** Far above the notification's delivery (well under a millisecond on one host), far below a token's life. */
    private static final Duration NOTIFIED_WITHIN = Duration.ofSeconds(2);

    @Test
    void aTokenRevokedOnTheCommandSideIsRefusedByTheQuerySideThatKeptIt() {
        String database = TestDatabases.createPostgresDatabase();
        try (RunningApp commands = RunningApp.start(CommandSideApplication.class, TestDatabases.postgres(database));
             RunningApp queries = RunningApp.start(QuerySideApplication.class, TestDatabases.postgres(database))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> commands.bean(AccessChanges.class).listening()
                    && queries.bean(AccessChanges.class).listening());
            Credentials owner = commands.organisation("kept tokens");
            String issued = commands.client(owner).post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "kept")).exchange().expectStatus().isCreated()
                    .expectBody(String.class).returnResult().getResponseBody();
            Credentials kept = new Credentials(owner.orgId(), JsonPath.read(issued, "$.plaintext"));
            for (int i = 0; i < 3; i++) {
                expect(queries.client(kept), 200);
                expectWrite(commands.client(kept), 400);
            }

            commands.client(owner).delete().uri("/api/tokens/{id}", JsonPath.<String>read(issued, "$.token.id"))
                    .exchange().expectStatus().isOk();

            expectWrite(commands.client(kept), 401);
            await().atMost(NOTIFIED_WITHIN).pollInterval(Duration.ofMillis(5))
                    .untilAsserted(() -> expect(queries.client(kept), 401));
            expect(queries.client(owner), 200);
        }
    }

    /** An empty order: refused as invalid once the caller is authenticated, as unauthorized before. */
    private static void expectWrite(WebTestClient client, int status) {
        int answered = client.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectBody(String.class).returnResult().getStatus().value();
        assertThat(answered).isEqualTo(status);
    }

    private static void expect(WebTestClient client, int status) {
        int answered = client.get().uri("/api/organizations/current").exchange().expectBody(String.class)
                .returnResult().getStatus().value();
        assertThat(answered).isEqualTo(status);
    }
}
