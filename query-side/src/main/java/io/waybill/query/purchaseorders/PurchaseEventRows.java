package io.waybill.query.purchaseorders;

import io.waybill.api.purchaseorder.LineQuantity;
import io.waybill.api.purchaseorder.PurchaseEvent;
import io.waybill.api.purchaseorder.PurchaseEventDetails;
import io.waybill.api.purchaseorder.PurchaseEventType;
import io.waybill.api.purchaseorder.PurchaseLineAdjusted;
import io.waybill.api.purchaseorder.PurchaseLineDivided;
import io.waybill.api.purchaseorder.PurchaseLineEvent;
import io.waybill.api.purchaseorder.PurchaseLinesCanceled;
import io.waybill.api.purchaseorder.PurchaseLinesCombined;
import io.waybill.api.purchaseorder.PurchaseLinesInvoiced;
import io.waybill.api.purchaseorder.PurchaseLinesShipped;
import io.waybill.query.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a purchase event does to the rows of its order's lines, as the order's aggregate decides it
 * ({@code PurchaseOrderLines.told}): what it tells each line it names, then what its kind does to quantities and
 * lines. Called by {@link PurchaseOrderProjection} once per event, in the event's transaction, with the order's
 * organisation: line ids are unique within it only.
 */
final class PurchaseEventRows {

    private final JdbcTemplate jdbc;

    PurchaseEventRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void told(String orgId, PurchaseLineEvent event, long seq, Instant at) {
        PurchaseEvent told = event.event();
        PurchaseEventDetails d = told.details();
        boolean dates = told.type().movesDates();
        OffsetDateTime when = Rows.at(at);
        for (String lineId : told.lineIds()) {
            jdbc.update("UPDATE purchase_order_item_view SET tracking_number = COALESCE(?, tracking_number), "
                            + "carrier = COALESCE(?, carrier), expected_delivery = COALESCE(?, expected_delivery), "
                            + "expected_ship_by = COALESCE(?, expected_ship_by), "
                            + "snoozed_until = COALESCE(?, snoozed_until), updated = ?, last_seq = ? "
                            + "WHERE org_id = ? AND sid = ?",
                    d.trackingNumber(), d.carrier(), dates ? d.estimatedDelivery() : null,
                    dates ? d.expectedShipBy() : null,
                    told.type() == PurchaseEventType.SNOOZED ? d.snoozedUntil() : null, when, seq, orgId, lineId);
        }
        if (event instanceof PurchaseLinesShipped shipped) {
            add(orgId, "quantity_shipped", shipped.shipped(), when);
        } else if (event instanceof PurchaseLinesInvoiced invoiced) {
            add(orgId, "quantity_invoiced", invoiced.invoiced(), when);
        } else if (event instanceof PurchaseLinesCanceled canceled) {
            add(orgId, "quantity_canceled", canceled.canceled(), when);
            add(orgId, "quantity", canceled.canceled().stream().map(q -> new LineQuantity(q.lineId(),
                    q.quantity().negate())).toList(), when);
        } else if (event instanceof PurchaseLineDivided divided) {
            divide(orgId, told.lineIds().get(0), divided, seq, when);
        } else if (event instanceof PurchaseLinesCombined combined) {
            combine(orgId, told.lineIds(), combined.quantity(), seq, when);
        } else if (event instanceof PurchaseLineAdjusted adjusted) {
            jdbc.update("UPDATE purchase_order_item_view SET quantity = ? WHERE org_id = ? AND sid = ?",
                    adjusted.line().quantity(), orgId, adjusted.line().lineId());
        }
    }

    private void add(String orgId, String column, List<LineQuantity> quantities, OffsetDateTime when) {
        quantities.forEach(q -> jdbc.update("UPDATE purchase_order_item_view SET " + column + " = " + column
                + " + ?, updated = ? WHERE org_id = ? AND sid = ?", q.quantity(), when, orgId, q.lineId()));
    }

    /** The divided-off line starts with the line's dates and tracking, and nothing shipped, invoiced or canceled. */
    private void divide(String orgId, String lineId, PurchaseLineDivided divided, long seq, OffsetDateTime when) {
        BigDecimal part = divided.newLine().quantity();
        jdbc.update("UPDATE purchase_order_item_view SET quantity = quantity - ? WHERE org_id = ? AND sid = ?", part,
                orgId, lineId);
        jdbc.update("INSERT INTO purchase_order_item_view (sid, org_id, purchase_order_id, item_id, target_type, "
                        + "quantity, unit_cost, expected_delivery, expected_ship_by, tracking_number, carrier, "
                        + "snoozed_until, created, updated, last_seq) SELECT ?, org_id, purchase_order_id, item_id, "
                        + "target_type, ?, unit_cost, expected_delivery, expected_ship_by, tracking_number, carrier, "
                        + "snoozed_until, ?, ?, ? FROM purchase_order_item_view WHERE org_id = ? AND sid = ?",
                divided.newLine().lineId(), part, when, when, seq, orgId, lineId);
    }

    /** The first line takes the others' quantities shipped, invoiced and canceled; they are gone. */
    private void combine(String orgId, List<String> lineIds, BigDecimal quantity, long seq, OffsetDateTime when) {
        BigDecimal shipped = BigDecimal.ZERO;
        BigDecimal invoiced = BigDecimal.ZERO;
        BigDecimal canceled = BigDecimal.ZERO;
        for (String lineId : lineIds) {
            Map<String, Object> row = jdbc.queryForMap("SELECT quantity_shipped, quantity_invoiced, quantity_canceled "
                    + "FROM purchase_order_item_view WHERE org_id = ? AND sid = ?", orgId, lineId);
            shipped = shipped.add((BigDecimal) row.get("quantity_shipped"));
            invoiced = invoiced.add((BigDecimal) row.get("quantity_invoiced"));
            canceled = canceled.add((BigDecimal) row.get("quantity_canceled"));
        }
        jdbc.update("UPDATE purchase_order_item_view SET quantity = ?, quantity_shipped = ?, quantity_invoiced = ?, "
                + "quantity_canceled = ? WHERE org_id = ? AND sid = ?", quantity, shipped, invoiced, canceled, orgId,
                lineIds.get(0));
        for (String merged : lineIds.subList(1, lineIds.size())) {
            jdbc.update("UPDATE purchase_order_item_view SET deleted = TRUE, updated = ?, last_seq = ? "
                    + "WHERE org_id = ? AND sid = ?", when, seq, orgId, merged);
        }
    }
}
