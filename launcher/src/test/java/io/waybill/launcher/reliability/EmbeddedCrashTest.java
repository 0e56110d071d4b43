package io.waybill.launcher.reliability;

import io.waybill.launcher.WaybillApplication;
import io.waybill.testing.RunningApp;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded service killed with SIGKILL right after acknowledging writes keeps every one of them: the
 * event store on disk holds each acknowledged event, and the restarted service shows them all.
 */
class EmbeddedCrashTest {

    private static final int WRITES = 30;

    @TempDir
    Path dataDir;

    @Test
    void killingTheProcessLosesNoAcknowledgedWrite() throws Exception {
        ServiceProcess service = ServiceProcess.start(dataDir.resolve("service.log"),
                List.of("--waybill.data-dir=" + dataDir.toAbsolutePath()));
        int acknowledged = 0;
        RunningApp.Credentials owner;
        try {
            service.awaitUp();
            owner = firstOwner();
            for (int i = 0; i < WRITES; i++) {
                if (service.send("POST", "/api/orders", owner,
                        "{\"id\":\"crash-" + i + "\",\"vendorName\":\"V\"}").statusCode() == 201) {
                    acknowledged++;
                }
            }
        } finally {
            service.kill();
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
                     "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier LIKE '%:crash-%'")) {
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
}
