package io.waybill.launcher.reliability;

import io.waybill.launcher.WaybillApplication;
import io.waybill.testing.RunningApp;
import io.waybill.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** The embedded default keeps its data on disk: a restarted service finds everything it had. */
class EmbeddedRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartedServiceFindsItsDataAndGoesOn() {
        try (RunningApp first = RunningApp.start(WaybillApplication.class, TestDatabases.embedded(dataDir))) {
            var client = first.client("restart-org");
            client.post().uri("/api/orders").bodyValue(Map.of("id", "o-1", "vendorName", "Acme", "uniqueName", "PO-7"))
                    .exchange().expectStatus().isCreated();
            client.post().uri("/api/items").bodyValue(Map.of("id", "i-1", "orderId", "o-1", "quantity", "5"))
                    .exchange().expectStatus().isCreated();
            client.post().uri("/api/item-groups").bodyValue(Map.of("id", "g-1", "itemId", "i-1", "quantity", "5"))
                    .exchange().expectStatus().isCreated();
            client.patch().uri("/api/item-groups/g-1").bodyValue(Map.of("shipped", true))
                    .exchange().expectStatus().isOk();
            Projections.awaitCaughtUp(first.context());
        }

        try (RunningApp second = RunningApp.start(WaybillApplication.class, TestDatabases.embedded(dataDir))) {
            var client = second.client("restart-org");
            client.get().uri("/api/orders/PO-7").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.id").isEqualTo("o-1");
            client.get().uri("/api/item-groups/g-1").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.shipped").isEqualTo(true).jsonPath("$.version").isEqualTo(2);
            client.get().uri("/api/orders/o-1/events").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.data.length()").isEqualTo(4);

            client.patch().uri("/api/item-groups/g-1").header("If-Match", "2").bodyValue(Map.of("delivered", true))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.version").isEqualTo(3);
            await().atMost(java.time.Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                    client.get().uri("/api/item-groups/g-1").exchange().expectStatus().isOk()
                            .expectBody().jsonPath("$.delivered").isEqualTo(true));
        }
    }
}
