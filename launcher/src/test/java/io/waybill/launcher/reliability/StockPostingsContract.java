package io.waybill.launcher.reliability;

import com.jayway.jsonpath.JsonPath;
import io.waybill.api.purchaseorder.DeletePurchaseOrderReceipt;
import io.waybill.api.workorder.ReceiveWorkOrder;
import io.waybill.api.workorder.UpdateWorkOrderReceipt;
import io.waybill.api.workorder.WorkOrderReceipt;
import io.waybill.api.workorder.WorkOrderReceiptLine;
import io.waybill.command.inventory.StockPostings;
import io.waybill.launcher.WaybillApplication;
import io.waybill.testing.RunningApp;
import io.waybill.platform.axon.MessageMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.waybill.launcher.ApiTestBase.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Purchase and work orders' stock postings reach the ledger exactly once: when the posting process fails right after
 * recording an order's entries (before its position moves), when its whole history is handled again, and when a
 * ledger refuses an entry half way because stock changed after the order checked it: a deleted receipt's reversal
 * (the receipt comes back with all its stock), a work-order receipt's consumption (the receipt goes, and what it
 * consumed comes back), a receipt's move to another date (it keeps its date, and the stock of every date is as it
 * was). Each of these steps is sent to the order directly, as it goes when another write lands between the check its
 * endpoint makes and the posting.
 */
abstract class StockPostingsContract {

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
            List<String> lines = ((List<?>) created.get("items")).stream().map(StockPostingsContract::id)
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

    @Test
    void aWorkOrderStepThatLostARaceWithTheLedgerIsTakenBackAsIfItNeverHappened() {
        try (RunningApp app = RunningApp.start(database(), WaybillApplication.class, FailOnceAfterPosting.class)) {
            RunningApp.Credentials org = app.organisation("races");
            WebTestClient owner = app.client(org);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            String site = id(post(owner, "/api/locations", Map.of("name", "Plant")));
            String type = id(post(owner, "/api/material-types", Map.of("name", "Metals")));
            String steel = material(owner, "ST-1", type);
            String bolt = material(owner, "BO-1", type);
            String widget = id(post(owner, "/api/skus", Map.of("code", "WI-1", "name", "Widget", "typeId",
                    id(post(owner, "/api/sku-types", Map.of("name", "Boxed"))))));
            post(owner, "/api/boms", Map.of("outputSkuId", widget, "items", List.of(
                    Map.of("materialId", steel, "quantityPerUnit", "2"), Map.of("materialId", bolt,
                            "quantityPerUnit", "4"))));
            String early = today.minusDays(5).toString();
            adjust(owner, "materialId", steel, site, "20", early);
            adjust(owner, "materialId", bolt, site, "12", early);
            Map<?, ?> created = (Map<?, ?>) post(owner, "/api/work-orders", Map.of("workSiteLocationId", site,
                    "status", "Placed", "items", List.of(Map.of("skuId", widget, "quantity", "5"))));
            String wo = id(created.get("workOrder"));
            String line = id(((List<?>) created.get("items")).get(0));
            eventually().untilAsserted(() -> owner.get().uri("/api/materials-inventory/summary?materialId=" + bolt)
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.data[0].allocated").isEqualTo("12"));
            adjust(owner, "materialId", bolt, site, "8", early);
            awaitOnHand(owner, bolt, "20");

            // 8 bolts go between the receipt's check and its consumption: the steel it consumed comes back
            adjust(owner, "materialId", bolt, site, "-8", null);
            awaitOnHand(owner, bolt, "12");
            WorkOrderReceipt refused = new WorkOrderReceipt("refused-receipt", today, null,
                    List.of(new WorkOrderReceiptLine(line, new BigDecimal("5"))));
            sendAsTheOrganisation(app, org, new ReceiveWorkOrder(wo, org.orgId(), refused));
            eventually().untilAsserted(() -> owner.get().uri("/api/work-orders/" + wo).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.workOrder.status").isEqualTo("Placed")
                    .jsonPath("$.items[0].quantityReceived").isEqualTo("0"));
            owner.get().uri("/api/work-order-receipts/refused-receipt").exchange().expectStatus().isNotFound();
            awaitOnHand(owner, steel, "20");
            awaitVerified(owner);

            // a receipt moved later although one of its units was disposed of in between keeps its date
            adjust(owner, "materialId", bolt, site, "8", early);
            String receipt = id(((Map<?, ?>) post(owner, "/api/work-orders/" + wo + "/receipts", Map.of(
                    "receiptDate", today.minusDays(4).toString(), "items", List.of(Map.of("workOrderItemId", line,
                            "quantity", "5"))))).get("receipt"));
            eventually().untilAsserted(() -> owner.get().uri("/api/fg-inventory/summary?skuId=" + widget).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.data[0].onHand").isEqualTo("5"));
            post(owner, "/api/fg-inventory/disposals", Map.of("skuId", widget, "locationId", site, "quantity", "1",
                    "eventDate", today.minusDays(2).toString()));
            sendAsTheOrganisation(app, org, new UpdateWorkOrderReceipt(wo, org.orgId(), receipt, null,
                    today.minusDays(1)));
            eventually().untilAsserted(() -> owner.get().uri("/api/work-order-receipts/" + receipt).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.receipt.receiptDate").isEqualTo(today.minusDays(4).toString()));
            awaitVerified(owner);
            Map<String, String> asOf = Map.of(widget, "5", steel, "10", bolt, "8");
            asOf.forEach((item, onHand) -> owner.get().uri("/api/" + (item.equals(widget)
                            ? "fg-inventory/summary?skuId=" : "materials-inventory/summary?materialId=") + item
                            + "&asOf=" + today.minusDays(4)).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.data[0].onHand").isEqualTo(onHand));
            String timeline = owner.get().uri("/api/work-orders/" + wo + "/events?limit=500").exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            List<String> types = JsonPath.read(timeline, "$.data[*].type");
            assertThat(types).as("the steps taken back").filteredOn(t -> t.endsWith("Refused"))
                    .containsExactly("WorkOrderReceiptRefused", "WorkOrderReceiptMoveRefused");
            owner.get().uri("/api/inventory/verify").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.differences.length()").isEqualTo(0);
        }
    }

    /** Sends the command as the organisation's endpoints would, so that its events are in the organisation's feed. */
    private static void sendAsTheOrganisation(RunningApp app, RunningApp.Credentials org, Object command) {
        app.bean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(MessageMetadata.ORG_ID, org.orgId())));
    }

    private static void adjust(WebTestClient owner, String field, String item, String site, String quantity,
                               String eventDate) {
        Map<String, String> body = new java.util.HashMap<>(Map.of(field, item, "locationId", site, "quantity",
                quantity));
        if (eventDate != null) {
            body.put("eventDate", eventDate);
        }
        post(owner, "/api/materials-inventory/adjustments", body);
    }

    private static void awaitVerified(WebTestClient owner) {
        eventually().untilAsserted(() -> owner.get().uri("/api/inventory/verify/work-orders").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.pendingEntries").isEqualTo(0)
                .jsonPath("$.differences.length()").isEqualTo(0));
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
