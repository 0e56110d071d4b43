package io.waybill.launcher.reliability;

import io.waybill.command.purchaseorder.PurchaseOrderPostings;
import io.waybill.launcher.WaybillApplication;
import io.waybill.testing.RunningApp;
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
 * recording an order's entries (before its position moves), and when its whole history is handled again.
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
                    .eventProcessor(PurchaseOrderPostings.PROCESSOR, TrackingEventProcessor.class).orElseThrow();
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
                    PurchaseOrderPostings.PROCESSOR, config -> (MessageHandlerInterceptor<EventMessage<?>>)
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
