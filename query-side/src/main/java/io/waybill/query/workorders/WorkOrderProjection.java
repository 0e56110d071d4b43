package io.waybill.query.workorders;

import io.waybill.api.catalog.BomLine;
import io.waybill.api.workorder.WorkOrderChanged;
import io.waybill.api.workorder.WorkOrderCreated;
import io.waybill.api.workorder.WorkOrderDeleted;
import io.waybill.api.workorder.WorkOrderDetails;
import io.waybill.api.workorder.WorkOrderEvent;
import io.waybill.api.workorder.WorkOrderItemAdded;
import io.waybill.api.workorder.WorkOrderItemChanged;
import io.waybill.api.workorder.WorkOrderItemRemoved;
import io.waybill.api.workorder.WorkOrderLine;
import io.waybill.api.workorder.WorkOrderReceipt;
import io.waybill.api.workorder.WorkOrderReceiptChanged;
import io.waybill.api.workorder.WorkOrderReceiptEvent;
import io.waybill.api.workorder.WorkOrderReceiptMoveRefused;
import io.waybill.api.workorder.WorkOrderReceiptLine;
import io.waybill.api.workorder.WorkOrderReceiptRecorded;
import io.waybill.api.workorder.WorkOrderReceiptRestored;
import io.waybill.api.workorder.WorkOrderReopened;
import io.waybill.api.workorder.WorkOrderStatus;
import io.waybill.api.workorder.WorkOrderStatusEvent;
import io.waybill.platform.axon.MessageMetadata;
import io.waybill.query.events.EventSource;
import io.waybill.query.support.ReadModelTables;
import io.waybill.query.support.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the work orders, their lines with the BOMs they recorded, and their receipts. Each order and line row
 * remembers the sequence number of the last event of its order applied to it, and a receipt is written once, so an
 * event seen again (a retried batch) changes nothing. Every row is addressed by its organisation and id, ids a
 * client chooses being unique per organisation only; the events after the order's creation carry the organisation
 * in their metadata only.
 */
@Component
@ProcessingGroup("work-orders")
@ReadModelTables({"work_order_view", "work_order_item_view", "work_order_item_material", "work_order_receipt_view",
        "work_order_receipt_item_view"})
class WorkOrderProjection {

    /** The column of each status's stamp. */
    static final Map<WorkOrderStatus, String> STAMPS = new EnumMap<>(Map.of(WorkOrderStatus.DRAFT, "draft_at",
            WorkOrderStatus.ENTERED, "entered_at", WorkOrderStatus.PLACED, "placed_at",
            WorkOrderStatus.PRODUCTION, "production_started_at", WorkOrderStatus.IN_TRANSIT, "in_transit_at",
            WorkOrderStatus.PARTIAL, "partial_at", WorkOrderStatus.RECEIVED, "received_at",
            WorkOrderStatus.COMPLETED, "completed_at", WorkOrderStatus.CANCELLED, "cancelled_at"));
    private final JdbcTemplate jdbc;

    WorkOrderProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The aggregate whose events this projection reads, for the organisation's event list and stream. */
    @Bean
    static EventSource workOrderEvents() {
        return new EventSource("WorkOrder", WorkOrderEvent.class);
    }

    @EventHandler
    void on(WorkOrderCreated event, @SequenceNumber long seq, @Timestamp Instant at) {
        WorkOrderDetails d = event.details();
        int inserted = jdbc.update("INSERT INTO work_order_view (sid, org_id, wo_number, status, "
                        + "work_site_location_id, order_date, expected_delivery_date, notes, draft_at, created, "
                        + "updated, last_seq) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM work_order_view WHERE org_id = ? AND sid = ?)",
                event.workOrderId(), event.orgId(), event.woNumber(), WorkOrderStatus.DRAFT.label(),
                d.workSiteLocationId(), d.orderDate(), d.expectedDeliveryDate(), d.notes(), Rows.at(at), Rows.at(at),
                Rows.at(at), seq, event.orgId(), event.workOrderId());
        if (inserted > 0) {
            for (int i = 0; i < event.items().size(); i++) {
                insertLine(event.workOrderId(), event.orgId(), i, event.items().get(i), seq, at);
            }
        }
    }

    @EventHandler
    void on(WorkOrderChanged event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        WorkOrderDetails d = event.details();
        jdbc.update("UPDATE work_order_view SET work_site_location_id = ?, order_date = ?, "
                        + "expected_delivery_date = ?, notes = ?, updated = ?, last_seq = ? WHERE org_id = ? "
                        + "AND sid = ? AND last_seq < ?",
                d.workSiteLocationId(), d.orderDate(), d.expectedDeliveryDate(), d.notes(), Rows.at(at), seq, orgId,
                event.workOrderId(), seq);
    }

    /**
     * Sets the status and its stamp; going back to Partial clears the Received stamp, going back to before the
     * receipts (reopened) clears both and keeps the earlier stamps.
     */
    @EventHandler
    void on(WorkOrderStatusEvent event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        if (event instanceof WorkOrderReopened) {
            jdbc.update("UPDATE work_order_view SET status = ?, partial_at = NULL, received_at = NULL, updated = ?, "
                    + "last_seq = ? WHERE org_id = ? AND sid = ? AND last_seq < ?", event.status().label(), Rows.at(at),
                    seq, orgId, event.workOrderId(), seq);
            return;
        }
        String cleared = event.status() == WorkOrderStatus.PARTIAL ? ", received_at = NULL" : "";
        jdbc.update("UPDATE work_order_view SET status = ?, " + STAMPS.get(event.status()) + " = ?" + cleared
                        + ", updated = ?, last_seq = ? WHERE org_id = ? AND sid = ? AND last_seq < ?",
                event.status().label(), Rows.at(event.at()), Rows.at(at), seq, orgId, event.workOrderId(), seq);
    }

    @EventHandler
    void on(WorkOrderItemAdded event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        if (touch(orgId, event.workOrderId(), seq, at) == 0) {
            return;
        }
        Integer lines = jdbc.queryForObject("SELECT COUNT(*) FROM work_order_item_view WHERE org_id = ? "
                + "AND work_order_id = ?", Integer.class, orgId, event.workOrderId());
        insertLine(event.workOrderId(), orgId, lines, event.line(), seq, at);
    }

    @EventHandler
    void on(WorkOrderItemChanged event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        if (touch(orgId, event.workOrderId(), seq, at) == 0) {
            return;
        }
        WorkOrderLine line = event.line();
        jdbc.update("UPDATE work_order_item_view SET sku_id = ?, quantity = ?, conversion_cost = ?, updated = ?, "
                        + "last_seq = ? WHERE org_id = ? AND sid = ?", line.skuId(), line.quantity(),
                line.conversionCost(), Rows.at(at), seq, orgId, line.lineId());
        jdbc.update("DELETE FROM work_order_item_material WHERE org_id = ? AND item_id = ?", orgId, line.lineId());
        insertBom(orgId, line);
    }

    @EventHandler
    void on(WorkOrderItemRemoved event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        if (touch(orgId, event.workOrderId(), seq, at) > 0) {
            jdbc.update("UPDATE work_order_item_view SET deleted = TRUE, updated = ?, last_seq = ? WHERE org_id = ? "
                    + "AND sid = ?", Rows.at(at), seq, orgId, event.lineId());
        }
    }

    @EventHandler
    void on(WorkOrderReceiptRecorded event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId,
            @SequenceNumber long seq, @Timestamp Instant at) {
        WorkOrderReceipt receipt = event.receipt();
        if (touch(orgId, event.workOrderId(), seq, at) == 0) {
            return;
        }
        jdbc.update("INSERT INTO work_order_receipt_view (sid, org_id, work_order_id, receipt_date, notes, created, "
                        + "updated) SELECT ?, w.org_id, w.sid, ?, ?, ?, ? FROM work_order_view w WHERE w.org_id = ? "
                        + "AND w.sid = ?",
                receipt.receiptId(), receipt.receiptDate(), receipt.notes(), Rows.at(at), Rows.at(at), orgId,
                event.workOrderId());
        List<WorkOrderReceiptLine> items = receipt.items();
        for (int i = 0; i < items.size(); i++) {
            jdbc.update("INSERT INTO work_order_receipt_item_view (org_id, receipt_id, work_order_item_id, position, "
                    + "quantity) VALUES (?, ?, ?, ?, ?)", orgId, receipt.receiptId(), items.get(i).workOrderItemId(), i,
                    items.get(i).quantity());
        }
        received(orgId, receipt.receiptId(), BigDecimal.ONE, at);
    }

    @EventHandler
    void on(WorkOrderReceiptChanged event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId,
            @SequenceNumber long seq, @Timestamp Instant at) {
        if (touch(orgId, event.workOrderId(), seq, at) > 0) {
            jdbc.update("UPDATE work_order_receipt_view SET notes = ?, receipt_date = COALESCE(?, receipt_date), "
                    + "updated = ? WHERE org_id = ? AND sid = ?", event.notes(), event.receiptDate(), Rows.at(at),
                    orgId, event.receiptId());
        }
    }

    /** A receipt whose move a ledger refused is dated as before. */
    @EventHandler
    void on(WorkOrderReceiptMoveRefused event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId,
            @SequenceNumber long seq, @Timestamp Instant at) {
        if (touch(orgId, event.workOrderId(), seq, at) > 0) {
            jdbc.update("UPDATE work_order_receipt_view SET receipt_date = ?, updated = ? WHERE org_id = ? AND sid = ?",
                    event.receiptDate(), Rows.at(at), orgId, event.receiptId());
        }
    }

    /** A receipt deleted or refused stops counting; one restored counts again. */
    @EventHandler
    void on(WorkOrderReceiptEvent event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        if (event instanceof WorkOrderReceiptRecorded || event instanceof WorkOrderReceiptChanged
                || event instanceof WorkOrderReceiptMoveRefused || touch(orgId, event.workOrderId(), seq, at) == 0) {
            return;
        }
        boolean back = event instanceof WorkOrderReceiptRestored;
        jdbc.update("UPDATE work_order_receipt_view SET deleted = ?, updated = ? WHERE org_id = ? AND sid = ?", !back,
                Rows.at(at), orgId, event.receiptId());
        received(orgId, event.receiptId(), back ? BigDecimal.ONE : BigDecimal.ONE.negate(), at);
    }

    @EventHandler
    void on(WorkOrderDeleted event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        jdbc.update("UPDATE work_order_view SET deleted = TRUE, updated = ?, last_seq = ? WHERE org_id = ? AND sid = ? "
                + "AND last_seq < ?", Rows.at(at), seq, orgId, event.workOrderId(), seq);
        jdbc.update("UPDATE work_order_item_view SET deleted = TRUE, updated = ? WHERE org_id = ? "
                + "AND work_order_id = ?", Rows.at(at), orgId, event.workOrderId());
    }

    /** Adds the receipt's units to its lines' received quantities, times {@code sign}. */
    private void received(String orgId, String receiptId, BigDecimal sign, Instant at) {
        for (Map<String, Object> item : jdbc.queryForList("SELECT work_order_item_id, quantity "
                + "FROM work_order_receipt_item_view WHERE org_id = ? AND receipt_id = ?", orgId, receiptId)) {
            jdbc.update("UPDATE work_order_item_view SET quantity_received = quantity_received + ?, updated = ? "
                            + "WHERE org_id = ? AND sid = ?", ((BigDecimal) item.get("quantity")).multiply(sign),
                    Rows.at(at), orgId, item.get("work_order_item_id"));
        }
    }

    private void insertLine(String workOrderId, String orgId, int position, WorkOrderLine line, long seq,
                            Instant at) {
        jdbc.update("INSERT INTO work_order_item_view (sid, org_id, work_order_id, position, sku_id, quantity, "
                        + "conversion_cost, created, updated, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                line.lineId(), orgId, workOrderId, position, line.skuId(), line.quantity(), line.conversionCost(),
                Rows.at(at), Rows.at(at), seq);
        insertBom(orgId, line);
    }

    private void insertBom(String orgId, WorkOrderLine line) {
        List<BomLine> bom = line.bom();
        for (int i = 0; i < bom.size(); i++) {
            jdbc.update("INSERT INTO work_order_item_material (org_id, item_id, position, material_id, "
                    + "quantity_per_unit) VALUES (?, ?, ?, ?, ?)", orgId, line.lineId(), i, bom.get(i).materialId(),
                    bom.get(i).quantityPerUnit());
        }
    }

    /** The order was changed through one of its lines or receipts; 0 when this event was applied before. */
    private int touch(String orgId, String workOrderId, long seq, Instant at) {
        return jdbc.update("UPDATE work_order_view SET updated = ?, last_seq = ? WHERE org_id = ? AND sid = ? "
                + "AND last_seq < ?", Rows.at(at), seq, orgId, workOrderId, seq);
    }
}
