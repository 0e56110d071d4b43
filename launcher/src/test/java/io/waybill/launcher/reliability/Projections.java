package io.waybill.launcher.reliability;

import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Watching and driving the order-tracking projections of a running process. */
final class Projections {

    static final List<String> NAMES = List.of("orders", "items", "item-groups", "catalog", "inventory");

    private Projections() {
    }

    static StreamingEventProcessor processor(ApplicationContext context, String name) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no processor " + name));
    }

    static long headIndex(ApplicationContext context) {
        Long head = context.getBean(JdbcTemplate.class)
                .queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    /** Waits until every projection has processed every event stored so far. */
    static void awaitCaughtUp(ApplicationContext context) {
        long head = headIndex(context);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    NAMES.stream().allMatch(name -> caughtUp(processor(context, name), head)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder state = new StringBuilder("projections did not catch up with event " + head + ":");
            NAMES.forEach(name -> state.append("\n").append(name).append(": ")
                    .append(processor(context, name).processingStatus()));
            throw new AssertionError(state.toString(), e);
        }
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        var status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(segment -> segment.isCaughtUp()
                && segment.getCurrentPosition().orElse(-1) >= head);
    }

    /** Every row of the read models, in a stable order. */
    static Map<String, List<Map<String, Object>>> snapshot(ApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Map<String, String> orderedBy = Map.of("order_view", "sid", "item_view", "sid", "item_group_view", "sid",
                "catalog_view", "sid", "bom_component_view", "sku_id, material_id", "ledger_entry_view", "id",
                "ledger_balance_delta", "entry_id, change_no", "inventory_balance", "org_id, item_id, location_id",
                "inventory_ledger_progress", "ledger_id");
        Map<String, List<Map<String, Object>>> rows = new java.util.TreeMap<>();
        orderedBy.forEach((table, key) -> rows.put(table,
                jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + key)));
        return rows;
    }
}
