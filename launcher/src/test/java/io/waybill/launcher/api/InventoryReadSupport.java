package io.waybill.launcher.api;

import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerId;
import io.waybill.launcher.reliability.Projections;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writing ledgers into the running app, reading its inventory endpoints and driving its inventory projection. */
abstract class InventoryReadSupport extends ApiContractSupport {

    private static final String PROJECTION = "inventory";

    LedgerEvents ledger(String orgId, ItemKind kind) {
        return new LedgerEvents(app, app.organisation(orgId).orgId(), kind, newSid(kind == ItemKind.SKU ? "sku" : "mat"));
    }

    static List<String> ids(WebTestClient client, String uri) {
        return read(text(client.get().uri(uri).exchange(), 200), "$.data[*].id");
    }

    static List<String> entryIds(WebTestClient client, String uri) {
        return read(text(client.get().uri(uri).exchange(), 200), "$.data[*].entryId");
    }

    JdbcTemplate jdbc() {
        return app.bean(JdbcTemplate.class);
    }

    /** Every read-model row of the organisation, in a stable order. */
    Map<String, List<Map<String, Object>>> rowsOf(String orgId) {
        Map<String, String> tables = Map.of("ledger_entry_view", "id", "ledger_balance_delta", "entry_id, change_no",
                "inventory_balance", "item_id, location_id", "inventory_ledger_progress", "ledger_id");
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        tables.forEach((table, order) -> rows.put(table,
                jdbc().queryForList("SELECT * FROM " + table + " WHERE org_id = ? ORDER BY " + order,
                        app.organisation(orgId).orgId())));
        return rows;
    }

    /** Runs {@code work} while this process's inventory projection applies nothing. */
    void withProjectionStopped(Runnable work) {
        Projections.whileStopped(app.context(), PROJECTION, work);
    }

    /** Hands the ledger's stored events to the inventory projection once more, as a retried batch would. */
    void reapplyStoredEvents(String itemId) {
        EventHandlerInvoker invoker = ((AbstractEventProcessor) Projections.processor(app.context(), PROJECTION))
                .eventHandlerInvoker();
        List<? extends DomainEventMessage<?>> events = app.bean(EventStore.class)
                .readEvents(LedgerId.of(itemId)).asStream().toList();
        for (DomainEventMessage<?> event : events) {
            var unitOfWork = DefaultUnitOfWork.startAndGet(event);
            unitOfWork.attachTransaction(app.bean(TransactionManager.class));
            unitOfWork.execute(() -> {
                try {
                    invoker.handle(event, Segment.ROOT_SEGMENT);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
