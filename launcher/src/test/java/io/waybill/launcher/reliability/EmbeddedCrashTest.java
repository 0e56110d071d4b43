package io.waybill.launcher.reliability;

import io.waybill.launcher.WaybillApplication;
import io.waybill.testing.RunningApp;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded service killed with SIGKILL right after acknowledging writes keeps every one of them: the
 * event store on disk holds each acknowledged event, and the restarted service shows them all.
 */
class EmbeddedCrashTest {

    private static final int WRITES = 30;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    @Test
    void killingTheProcessLosesNoAcknowledgedWrite() throws Exception {
        int port = freePort();
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Daxoniq.update-checker.disabled=true",
                WaybillApplication.class.getName(), "--server.port=" + port,
                "--waybill.data-dir=" + dataDir.toAbsolutePath())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("service.log").toFile()).start();
        int acknowledged = 0;
        RunningApp.Credentials owner;
        try {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> get(port, "/actuator/health") == 200);
            owner = firstOwner();
            for (int i = 0; i < WRITES; i++) {
                if (createOrder(port, owner, "crash-" + i) == 201) {
                    acknowledged++;
                }
            }
        } finally {
            service.destroyForcibly().waitFor();
        }

        assertThat(acknowledged).isEqualTo(WRITES);
        assertThat(storedOrders()).isEqualTo(acknowledged);
        try (RunningApp restarted = RunningApp.start(WaybillApplication.class, TestDatabases.embedded(dataDir))) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    restarted.client(owner).get().uri("/api/orders?limit=500").exchange()
                            .expectStatus().isOk().expectBody().jsonPath("$.data.length()").isEqualTo(WRITES));
        }
    }

    private long storedOrders() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("waybill")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (var connection = DriverManager.getConnection(url, "sa", "");
             var result = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier LIKE 'crash-%'")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The owner token that the embedded default writes on its first start, as the README tells users to use it. */
    private RunningApp.Credentials firstOwner() throws IOException {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dataDir.resolve("owner-token.env")));
        Properties file = new Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve("owner-token.env"))) {
            file.load(reader);
        }
        return new RunningApp.Credentials(file.getProperty("WAYBILL_ORG"), file.getProperty("WAYBILL_TOKEN"));
    }

    private int createOrder(int port, RunningApp.Credentials owner, String sid)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                .header("Content-Type", "application/json").header("X-Org-Id", owner.orgId())
                .header("Authorization", "Bearer " + owner.token())
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"sid\":\"" + sid + "\",\"vendorName\":\"V\"}")).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int get(int port, String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(2)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
