package io.waybill.query.purchaseorders;

import io.waybill.api.purchaseorder.PurchaseEventDetails;
import io.waybill.api.purchaseorder.PurchaseLineEvent;
import io.waybill.api.purchaseorder.PurchaseLinesInvoiced;
import io.waybill.api.purchaseorder.PurchaseOrderChanged;
import io.waybill.api.purchaseorder.PurchaseOrderControl;
import io.waybill.api.purchaseorder.PurchaseOrderControlEvent;
import io.waybill.api.purchaseorder.PurchaseOrderCreated;
import io.waybill.api.purchaseorder.PurchaseOrderDeleted;
import io.waybill.api.purchaseorder.PurchaseOrderDetails;
import io.waybill.api.purchaseorder.PurchaseOrderEvent;
import io.waybill.api.purchaseorder.PurchaseOrderItemAdded;
import io.waybill.api.purchaseorder.PurchaseOrderItemChanged;
import io.waybill.api.purchaseorder.PurchaseOrderItemRemoved;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.PurchaseOrderReceipt;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptChanged;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptDeleted;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptRecorded;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptRestored;
import io.waybill.api.purchaseorder.PurchaseOrderReopened;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.PurchaseOrderStatusEvent;
import io.waybill.api.purchaseorder.ReceiptLine;
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
import java.util.Map;

/**
 * Keeps the purchase orders, their lines, their receipts and what purchase events said of them. Each order and line
 * row remembers the sequence number of the last event of its order applied to it, and a receipt is written once, so
 * an event seen again (a retried batch) changes nothing. Every row is addressed by its organisation and id, ids a
 * client chooses being unique per organisation only; the events after the order's creation carry the organisation
 * in their metadata only.
 */
@Component
@ProcessingGroup("purchase-orders")
@ReadModelTables({"purchase_order_view", "purchase_order_item_view", "purchase_order_receipt_view",
        "purchase_order_receipt_item_view"})
class PurchaseOrderProjection {

    /** The column of each status's stamp. */
    private static final Map<PurchaseOrderStatus, String> STAMPS = Map.of(PurchaseOrderStatus.PLACED, "placed_at",
            PurchaseOrderStatus.IN_TRANSIT, "in_transit_at", PurchaseOrderStatus.PARTIAL, "partial_at",
            PurchaseOrderStatus.RECEIVED, "received_at", PurchaseOrderStatus.PAID, "paid_at",
            PurchaseOrderStatus.CANCELLED, "cancelled_at");
    private final JdbcTemplate jdbc;
    private final PurchaseEventRows purchaseEvents;

    PurchaseOrderProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.purchaseEvents = new PurchaseEventRows(jdbc);
    }

    /** The aggregate whose events this projection reads, for the organisation's event list and stream. */
    @Bean
    static EventSource purchaseOrderEvents() {
        return new EventSource("PurchaseOrder", PurchaseOrderEvent.class);
    }

    @EventHandler
    void on(PurchaseOrderCreated event, @SequenceNumber long seq, @Timestamp Instant at) {
        PurchaseOrderDetails d = event.details();
        jdbc.update("INSERT INTO purchase_order_view (sid, org_id, po_number, vendor_id, target_type, status, "
                        + "ship_to_location_id, planning_at, ship_date, expected_delivery_date, shipping_costs, "
                        + "setup_costs, other_costs, notes, created, updated, last_seq) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM purchase_order_view WHERE org_id = ? AND sid = ?)",
                event.purchaseOrderId(), event.orgId(), event.poNumber(), d.vendorId(), event.targetType().value(),
                PurchaseOrderStatus.PLANNING.label(), d.shipToLocationId(), Rows.at(at), d.shipDate(),
                d.expectedDeliveryDate(), d.shippingCosts(), d.setupCosts(), d.otherCosts(), d.notes(), Rows.at(at),
                Rows.at(at), seq, event.orgId(), event.purchaseOrderId());
        event.items().forEach(line -> insertLine(event.purchaseOrderId(), event.orgId(), event.targetType().value(),
                line, seq, at));
    }

    @EventHandler
    void on(PurchaseOrderChanged event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        PurchaseOrderDetails d = event.details();
        jdbc.update("UPDATE purchase_order_view SET vendor_id = ?, ship_to_location_id = ?, ship_date = ?, "
                        + "expected_delivery_date = ?, shipping_costs = ?, setup_costs = ?, other_costs = ?, notes = ?, "
                        + "updated = ?, last_seq = ? WHERE org_id = ? AND sid = ? AND last_seq < ?",
                d.vendorId(), d.shipToLocationId(), d.shipDate(), d.expectedDeliveryDate(), d.shippingCosts(),
                d.setupCosts(), d.otherCosts(), d.notes(), Rows.at(at), seq, orgId, event.purchaseOrderId(), seq);
    }

    /**
     * Sets the status and its stamp; going back to Partial clears the Received stamp, going back to before the
     * receipts (reopened) clears both and keeps the earlier stamps.
     */
    @EventHandler
    void on(PurchaseOrderStatusEvent event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId,
            @SequenceNumber long seq, @Timestamp Instant at) {
        if (event instanceof PurchaseOrderReopened) {
            jdbc.update("UPDATE purchase_order_view SET status = ?, partial_at = NULL, received_at = NULL, "
                            + "updated = ?, last_seq = ? WHERE org_id = ? AND sid = ? AND last_seq < ?",
                    event.status().label(), Rows.at(at), seq, orgId, event.purchaseOrderId(), seq);
            return;
        }
        String cleared = event.status() == PurchaseOrderStatus.PARTIAL ? ", received_at = NULL" : "";
        jdbc.update("UPDATE purchase_order_view SET status = ?, " + STAMPS.get(event.status()) + " = ?" + cleared
                        + ", updated = ?, last_seq = ? WHERE org_id = ? AND sid = ? AND last_seq < ?",
                event.status().label(), Rows.at(event.at()), Rows.at(at), seq, orgId, event.purchaseOrderId(), seq);
    }

    /** Stamps the control's state ({@code approved_at}, {@code approved_by}, ...), or clears it when lifted. */
    @EventHandler
    void on(PurchaseOrderControlEvent event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId,
            @SequenceNumber long seq, @Timestamp Instant at) {
        PurchaseOrderControl control = event.control();
        jdbc.update("UPDATE purchase_order_view SET " + control.state() + "_at = ?, " + control.state() + "_by = ?, "
                        + "updated = ?, last_seq = ? WHERE org_id = ? AND sid = ? AND last_seq < ?",
                control.lifts() ? null : Rows.at(event.at()), control.lifts() ? null : event.by(), Rows.at(at), seq,
                orgId, event.purchaseOrderId(), seq);
    }

    @EventHandler
    void on(PurchaseOrderItemAdded event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        touch(orgId, event.purchaseOrderId(), seq, at);
        String targetType = jdbc.queryForObject("SELECT target_type FROM purchase_order_view WHERE org_id = ? "
                + "AND sid = ?", String.class, orgId, event.purchaseOrderId());
        insertLine(event.purchaseOrderId(), orgId, targetType, event.line(), seq, at);
    }

    @EventHandler
    void on(PurchaseOrderItemChanged event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId,
            @SequenceNumber long seq, @Timestamp Instant at) {
        touch(orgId, event.purchaseOrderId(), seq, at);
        PurchaseOrderLine line = event.line();
        jdbc.update("UPDATE purchase_order_item_view SET item_id = ?, quantity = ?, unit_cost = ?, updated = ?, "
                        + "last_seq = ? WHERE org_id = ? AND sid = ? AND last_seq < ?",
                line.itemId(), line.quantity(), line.unitCost(), Rows.at(at), seq, orgId, line.lineId(), seq);
    }

    @EventHandler
    void on(PurchaseOrderItemRemoved event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId,
            @SequenceNumber long seq, @Timestamp Instant at) {
        touch(orgId, event.purchaseOrderId(), seq, at);
        jdbc.update("UPDATE purchase_order_item_view SET deleted = TRUE, updated = ?, last_seq = ? "
                + "WHERE org_id = ? AND sid = ? AND last_seq < ?", Rows.at(at), seq, orgId, event.lineId(), seq);
    }

    @EventHandler
    void on(PurchaseOrderReceiptRecorded event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId,
            @SequenceNumber long seq, @Timestamp Instant at) {
        PurchaseOrderReceipt receipt = event.receipt();
        touch(orgId, event.purchaseOrderId(), seq, at);
        int inserted = jdbc.update("INSERT INTO purchase_order_receipt_view (sid, org_id, purchase_order_id, "
                        + "receipt_date, location_id, notes, allow_over_receipt, created) SELECT ?, p.org_id, p.sid, ?, "
                        + "COALESCE(?, p.ship_to_location_id), ?, ?, ? FROM purchase_order_view p WHERE p.org_id = ? "
                        + "AND p.sid = ? AND NOT EXISTS (SELECT 1 FROM purchase_order_receipt_view WHERE org_id = ? "
                        + "AND sid = ?)",
                receipt.receiptId(), receipt.receiptDate(), receipt.locationId(), receipt.notes(), receipt.allowOverReceipt(), Rows.at(at),
                orgId, event.purchaseOrderId(), orgId, receipt.receiptId());
        if (inserted == 0) {
            return;
        }
        for (int i = 0; i < receipt.items().size(); i++) {
            ReceiptLine item = receipt.items().get(i);
            jdbc.update("INSERT INTO purchase_order_receipt_item_view (org_id, receipt_id, purchase_order_item_id, "
                    + "position, quantity) VALUES (?, ?, ?, ?, ?)", orgId, receipt.receiptId(),
                    item.purchaseOrderItemId(), i, item.quantity());
            jdbc.update("UPDATE purchase_order_item_view SET quantity_received = quantity_received + ?, updated = ? "
                    + "WHERE org_id = ? AND sid = ?", item.quantity(), Rows.at(at), orgId, item.purchaseOrderItemId());
        }
    }

    @EventHandler
    void on(PurchaseOrderReceiptChanged event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId,
            @SequenceNumber long seq, @Timestamp Instant at) {
        if (touch(orgId, event.purchaseOrderId(), seq, at) > 0) {
            jdbc.update("UPDATE purchase_order_receipt_view SET notes = ? WHERE org_id = ? AND sid = ?", event.notes(),
                    orgId, event.receiptId());
        }
    }

    @EventHandler
    void on(PurchaseOrderReceiptDeleted event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId,
            @SequenceNumber long seq, @Timestamp Instant at) {
        receiptCounts(orgId, event.purchaseOrderId(), event.receiptId(), true, seq, at);
    }

    @EventHandler
    void on(PurchaseOrderReceiptRestored event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId,
            @SequenceNumber long seq, @Timestamp Instant at) {
        receiptCounts(orgId, event.purchaseOrderId(), event.receiptId(), false, seq, at);
    }

    /** Marks the receipt deleted or not, and takes its quantities off its lines' received or puts them back. */
    private void receiptCounts(String orgId, String purchaseOrderId, String receiptId, boolean deleted, long seq,
                               Instant at) {
        if (touch(orgId, purchaseOrderId, seq, at) == 0) {
            return;
        }
        jdbc.update("UPDATE purchase_order_receipt_view SET deleted = ? WHERE org_id = ? AND sid = ?", deleted, orgId,
                receiptId);
        for (Map<String, Object> item : jdbc.queryForList("SELECT purchase_order_item_id, quantity "
                + "FROM purchase_order_receipt_item_view WHERE org_id = ? AND receipt_id = ?", orgId, receiptId)) {
            BigDecimal quantity = (BigDecimal) item.get("quantity");
            jdbc.update("UPDATE purchase_order_item_view SET quantity_received = quantity_received + ?, updated = ? "
                    + "WHERE org_id = ? AND sid = ?", deleted ? quantity.negate() : quantity, Rows.at(at), orgId,
                    item.get("purchase_order_item_id"));
        }
    }

    /** A purchase event: the order's invoiced and paid amounts, and its lines. */
    @EventHandler
    void on(PurchaseLineEvent event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        PurchaseEventDetails d = event.event().details();
        BigDecimal invoiced = event instanceof PurchaseLinesInvoiced && d.invoiceAmount() != null
                ? d.invoiceAmount() : BigDecimal.ZERO;
        if (jdbc.update("UPDATE purchase_order_view SET amount_invoiced = amount_invoiced + ?, "
                        + "amount_paid = amount_paid + ?, updated = ?, last_seq = ? WHERE org_id = ? AND sid = ? "
                        + "AND last_seq < ?",
                invoiced, d.paid(), Rows.at(at), seq, orgId, event.purchaseOrderId(), seq) > 0) {
            purchaseEvents.told(orgId, event, seq, at);
        }
    }

    @EventHandler
    void on(PurchaseOrderDeleted event, @MetaDataValue(MessageMetadata.ORG_ID) String orgId, @SequenceNumber long seq,
            @Timestamp Instant at) {
        jdbc.update("UPDATE purchase_order_view SET deleted = TRUE, updated = ?, last_seq = ? "
                + "WHERE org_id = ? AND sid = ? AND last_seq < ?", Rows.at(at), seq, orgId, event.purchaseOrderId(),
                seq);
        jdbc.update("UPDATE purchase_order_item_view SET deleted = TRUE, updated = ?, last_seq = ? "
                + "WHERE org_id = ? AND purchase_order_id = ? AND last_seq < ?", Rows.at(at), seq, orgId,
                event.purchaseOrderId(), seq);
    }

    private void insertLine(String purchaseOrderId, String orgId, String targetType, PurchaseOrderLine line, long seq,
                            Instant at) {
        jdbc.update("INSERT INTO purchase_order_item_view (sid, org_id, purchase_order_id, item_id, target_type, "
                        + "quantity, unit_cost, created, updated, last_seq) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM purchase_order_item_view WHERE org_id = ? AND sid = ?)",
                line.lineId(), orgId, purchaseOrderId, line.itemId(), targetType, line.quantity(), line.unitCost(),
                Rows.at(at), Rows.at(at), seq, orgId, line.lineId());
    }

    /** The order was changed through one of its lines or receipts; 0 when this event was applied before. */
    private int touch(String orgId, String purchaseOrderId, long seq, Instant at) {
        return jdbc.update("UPDATE purchase_order_view SET updated = ?, last_seq = ? WHERE org_id = ? AND sid = ? "
                + "AND last_seq < ?", Rows.at(at), seq, orgId, purchaseOrderId, seq);
    }
}
