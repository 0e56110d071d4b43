package io.waybill.query.catalog;

import io.waybill.api.catalog.CatalogEvent;
import io.waybill.query.events.EventSource;
import org.springframework.context.annotation.Bean;
import io.waybill.api.catalog.BomDeleted;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.catalog.BomReplaced;
import io.waybill.api.catalog.CatalogRecordChanged;
import io.waybill.api.catalog.CatalogRecordCreated;
import io.waybill.api.catalog.CatalogRecordDeleted;
import io.waybill.query.support.ReadModelTables;
import io.waybill.query.support.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code catalog_view} and {@code bom_component_view}. Each record's row remembers the sequence number of
 * the last event applied to it; an event seen again changes nothing, its BOM lines included, because they are only
 * rewritten when the row's sequence number moved.
 */
@Component
@ProcessingGroup("catalog")
@ReadModelTables({"catalog_view", "bom_component_view"})
class CatalogProjection {

    private final JdbcTemplate jdbc;

    CatalogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The aggregate whose events this projection reads, for the organisation's event list and stream. */
    @Bean
    static EventSource catalogEvents() {
        return new EventSource("CatalogRecord", CatalogEvent.class);
    }

    @EventHandler
    void on(CatalogRecordCreated event, @SequenceNumber long seq, @Timestamp Instant at) {
        Map<String, Object> columns = CatalogColumns.values(event.details());
        List<Object> args = new ArrayList<>(List.of(event.id(), event.orgId(), event.details().kind().name()));
        args.addAll(columns.values());
        args.addAll(List.of(Rows.at(at), Rows.at(at), seq, event.id()));
        jdbc.update("INSERT INTO catalog_view (sid, org_id, kind, " + String.join(", ", columns.keySet())
                + ", created, updated, last_seq) SELECT ?, ?, ?, " + marks(columns.size()) + ", ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM catalog_view WHERE sid = ?)", args.toArray());
    }

    @EventHandler
    void on(CatalogRecordChanged event, @SequenceNumber long seq, @Timestamp Instant at) {
        Map<String, Object> columns = CatalogColumns.values(event.details());
        List<Object> args = new ArrayList<>(columns.values());
        args.addAll(List.of(Rows.at(at), seq, event.id(), seq));
        jdbc.update("UPDATE catalog_view SET " + String.join(" = ?, ", columns.keySet()) + " = ?, updated = ?, "
                + "last_seq = ? WHERE sid = ? AND last_seq < ?", args.toArray());
    }

    @EventHandler
    void on(BomReplaced event, @SequenceNumber long seq) {
        if (advance(event.id(), seq, "has_bom = TRUE")) {
            jdbc.update("DELETE FROM bom_component_view WHERE sku_id = ?", event.id());
            String orgId = jdbc.queryForObject("SELECT org_id FROM catalog_view WHERE sid = ?", String.class,
                    event.id());
            int position = 0;
            for (BomLine line : event.items()) {
                jdbc.update("INSERT INTO bom_component_view (sku_id, material_id, org_id, quantity_per_unit, "
                        + "position) VALUES (?, ?, ?, ?, ?)", event.id(), line.materialId(), orgId,
                        line.quantityPerUnit(), position++);
            }
        }
    }

    @EventHandler
    void on(BomDeleted event, @SequenceNumber long seq) {
        if (advance(event.id(), seq, "has_bom = FALSE")) {
            jdbc.update("DELETE FROM bom_component_view WHERE sku_id = ?", event.id());
        }
    }

    @EventHandler
    void on(CatalogRecordDeleted event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.update("UPDATE catalog_view SET deleted = TRUE, updated = ?, last_seq = ? WHERE sid = ? "
                + "AND last_seq < ?", Rows.at(at), seq, event.id(), seq);
    }

    /** Applies {@code assignment} and moves the row to {@code seq}, if it has not seen that event yet. */
    private boolean advance(String id, long seq, String assignment) {
        return jdbc.update("UPDATE catalog_view SET " + assignment + ", last_seq = ? WHERE sid = ? AND last_seq < ?",
                seq, id, seq) == 1;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
