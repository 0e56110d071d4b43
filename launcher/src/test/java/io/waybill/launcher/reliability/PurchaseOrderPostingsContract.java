package io.waybill.launcher.reliability;

import io.waybill.api.purchaseorder.DeletePurchaseOrderReceipt;
import io.waybill.command.inventory.StockPostings;
import io.waybill.launcher.WaybillApplication;
import io.waybill.testing.RunningApp;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.waybill.launcher.ApiTestBase.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A purchase order's stock postings reach the ledger exactly once: when the posting process fails right after
 * recording an order's entries (before its position moves), when its whole history is handled again, and when a
 * ledger refuses a deleted receipt's reversal half way (the receipt comes back with all its stock).
 */
abstract class PurchaseOrderPostingsContract {

    protected abstract Map<String, Object> database();

    @Test
    void entriesAreRecordedOnceThroughAFailureAfterPostingAndAReplay() {
        try (RunningApp app = RunningApp.start(database(), WaybillApplication.class, FailOnceAfterPosting.class)) {
            WebTestClient owner = app.client(app.organisation("postings"));
            String vendor = id(post(owner, "/api/vendors", Map.of("name", "Acme")));
            String dock = id(post(owner, "/api/locations", Map.of("name", "Dock")));
            String type = id(post(owner, "/api/material-types", Map.of("name", "Metals")));
            List<String> materials = List.of(material(owner, "ST-1", type), material(owner, "BO-1", type),
                    material(owner, "NU-1", type));
            Object created = post(owner, "/api/purchase-orders", Map.of("vendorId", vendor, "targetType",
                    "materials", "shipToLocationId", dock, "items", materials.stream()
                            .map(m -> Map.of("materialId", m, "quantity", "10")).toList()));
            String po = id(((Map<?, ?>) created).get("purchaseOrder"));
            owner.patch().uri("/api/purchase-orders/" + po).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("status", "Placed")).exchange().expectStatus().isOk();

            eventually().untilAsserted(() -> assertThat(FailOnceAfterPosting.failures.get()).isPositive());
            materials.forEach(m -> awaitOneOrderOf(owner, m));

            TrackingEventProcessor processor = app.bean(EventProcessingConfiguration.class)
                    .eventProcessor(StockPostings.PROCESSOR, TrackingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            long head = app.bean(org.axonframework.eventsourcing.eventstore.EventStore.class).createHeadToken()
                    .position().orElseThrow();
            eventually().untilAsserted(() -> assertThat(processor.processingStatus().values()).allMatch(status ->
                    status.isCaughtUp() && status.getCurrentPosition().orElse(-1) >= head));
            materials.forEach(m -> awaitOneOrderOf(owner, m));
            owner.get().uri("/api/inventory/verify").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.differences.length()").isEqualTo(0);
        }
    }

    @Test
    void aReceiptWhoseStockWasUsedAfterItsDeletionWasCheckedComesBackWithItsStock() {
        try (RunningApp app = RunningApp.start(database(), WaybillApplication.class, FailOnceAfterPosting.class)) {
            RunningApp.Credentials org = app.organisation("restores");
            WebTestClient owner = app.client(org);
            String vendor = id(post(owner, "/api/vendors", Map.of("name", "Acme")));
            String dock = id(post(owner, "/api/locations", Map.of("name", "Dock")));
            String type = id(post(owner, "/api/material-types", Map.of("name", "Metals")));
            List<String> materials = List.of(material(owner, "ST-1", type), material(owner, "BO-1", type),
                    material(owner, "NU-1", type));
            Map<?, ?> created = (Map<?, ?>) post(owner, "/api/purchase-orders", Map.of("vendorId", vendor,
                    "targetType", "materials", "shipToLocationId", dock, "items", materials.stream()
                            .map(m -> Map.of("materialId", m, "quantity", "10")).toList()));
            String po = id(created.get("purchaseOrder"));
            List<String> lines = ((List<?>) created.get("items")).stream().map(PurchaseOrderPostingsContract::id)
                    .toList();
            owner.patch().uri("/api/purchase-orders/" + po).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("status", "Placed")).exchange().expectStatus().isOk();
            String receipt = id(((Map<?, ?>) post(owner, "/api/purchase-orders/" + po + "/receipts", Map.of("items",
                    lines.stream().map(line -> Map.of("purchaseOrderItemId", line, "quantity", "10")).toList())))
                    .get("receipt"));
            materials.forEach(m -> awaitOnHand(owner, m, "10"));
            post(owner, "/api/materials-inventory/ledger", Map.of("materialId", materials.get(1), "eventType",
                    "CONSUME", "locationId", dock, "quantity", "5"));
            awaitOnHand(owner, materials.get(1), "5");

            // the deletion as it goes when the stock is used between the ledgers' check and the reversal
            app.bean(CommandGateway.class).sendAndWait(new DeletePurchaseOrderReceipt(po, org.orgId(), receipt));

            eventually().untilAsserted(() -> owner.get().uri("/api/purchase-order-receipts/" + receipt).exchange()
                    .expectStatus().isOk());
            eventually().untilAsserted(() -> owner.get().uri("/api/purchase-orders/" + po).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.purchaseOrder.status").isEqualTo("Received")
                    .jsonPath("$.items[*].quantityReceived").isEqualTo(List.of("10", "10", "10")));
            eventually().untilAsserted(() -> owner.get().uri("/api/inventory/verify/purchase-orders").exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.pendingEntries").isEqualTo(0)
                    .jsonPath("$.differences.length()").isEqualTo(0));
            awaitOnHand(owner, materials.get(0), "10");
            awaitOnHand(owner, materials.get(1), "5");
            awaitOnHand(owner, materials.get(2), "10");
            owner.get().uri("/api/inventory/verify").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.differences.length()").isEqualTo(0);
            owner.get().uri("/api/materials-inventory/ledger?materialId=" + materials.get(2)).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.data[*].eventType").isEqualTo(List.of("ORDER", "RECEIVE", "REVERSE_RECEIVE",
                            "RECEIVE"));
        }
    }

    private static void awaitOnHand(WebTestClient owner, String material, String quantity) {
        eventually().untilAsserted(() -> owner.get().uri("/api/materials-inventory/summary?materialId=" + material)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.data[0].onHand").isEqualTo(quantity));
    }

    private static void awaitOneOrderOf(WebTestClient owner, String material) {
        eventually().untilAsserted(() -> owner.get().uri("/api/materials-inventory/ledger?materialId=" + material)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].eventType").isEqualTo("ORDER"));
        owner.get().uri("/api/materials-inventory/summary?materialId=" + material).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data[0].onOrder").isEqualTo("10");
    }

    private static String material(WebTestClient owner, String code, String type) {
        return id(post(owner, "/api/materials", Map.of("code", code, "name", code, "typeId", type)));
    }

    private static String id(Object answer) {
        return (String) ((Map<?, ?>) answer).get("id");
    }

    private static Object post(WebTestClient client, String uri, Object body) {
        return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Fails the posting process once per event, after its entries were sent: as if it died before moving on. */
    static class FailOnceAfterPosting {

        static final AtomicInteger failures = new AtomicInteger();
        private static final Set<String> failed = ConcurrentHashMap.newKeySet();

        @Bean
        ConfigurerModule failOnceAfterPosting() {
            return configurer -> configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(
                    StockPostings.PROCESSOR, config -> (MessageHandlerInterceptor<EventMessage<?>>)
                            (unitOfWork, chain) -> {
                                Object result = chain.proceed();
                                if (failed.add(unitOfWork.getMessage().getIdentifier())) {
                                    failures.incrementAndGet();
                                    throw new IllegalStateException("the posting process stops after posting");
                                }
                                return result;
                            }));
        }
    }
}
