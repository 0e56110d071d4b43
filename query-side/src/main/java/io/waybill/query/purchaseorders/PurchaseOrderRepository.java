package io.waybill.query.purchaseorders;

import io.r2dbc.spi.Row;
import io.waybill.api.Page;
import io.waybill.api.purchaseorder.PurchaseOrderControls;
import io.waybill.api.purchaseorder.PurchaseOrderItemView;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptItemView;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptView;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.PurchaseOrderView;
import io.waybill.api.purchaseorder.TargetType;
import io.waybill.platform.web.PageRequest;
import io.waybill.query.support.KeysetQuery;
import io.waybill.query.support.Rows;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;

/** Reads the purchase orders, their lines and their receipts without blocking. */
@Repository
class PurchaseOrderRepository {

    private static final String ORDERS = "SELECT p.* FROM purchase_order_view p";
    private static final String LINES = "SELECT l.* FROM purchase_order_item_view l";
    private static final String RECEIPTS = "SELECT r.* FROM purchase_order_receipt_view r";
    private final DatabaseClient client;

    PurchaseOrderRepository(DatabaseClient client) {
        this.client = client;
    }

    Mono<Page<PurchaseOrderView>> list(String orgId, PurchaseOrderFilter filter, PageRequest page) {
        return KeysetQuery.live(ORDERS, "p", orgId)
                .whereIn("p.status", "status", filter.statuses())
                .where("p.vendor_id = :vendorId", "vendorId", filter.vendorId())
                .where("p.target_type = :targetType", "targetType", filter.targetType())
                .where("EXISTS (SELECT 1 FROM purchase_order_item_view i WHERE i.org_id = p.org_id "
                        + "AND i.purchase_order_id = p.sid AND i.item_id = :itemId AND i.deleted = FALSE)", "itemId",
                        filter.itemId())
                .where("p.expected_delivery_date < :expectedBefore", "expectedBefore", filter.expectedBefore())
                .where("(LOWER(p.po_number) LIKE :q OR LOWER(p.notes) LIKE :q)", "q", filter.qPattern())
                .where(filter.archived() ? "p.archived_at IS NOT NULL" : "p.archived_at IS NULL")
                .page(client, page, PurchaseOrderRepository::order);
    }

    /** A live order of the organisation; {@code includeDeleted} finds a deleted one too (for its history). */
    Mono<PurchaseOrderView> find(String orgId, String id, boolean includeDeleted) {
        return client.sql(ORDERS + " WHERE p.org_id = :org AND p.sid = :id"
                        + (includeDeleted ? "" : " AND p.deleted = FALSE"))
                .bind("org", orgId).bind("id", id).map((row, meta) -> order(row)).one();
    }

    /** The live lines of one order, in the order they were added. */
    Flux<PurchaseOrderItemView> lines(String orgId, String purchaseOrderId) {
        return client.sql(LINES + " WHERE l.org_id = :org AND l.purchase_order_id = :po AND l.deleted = FALSE "
                        + "ORDER BY l.created, l.sid")
                .bind("org", orgId).bind("po", purchaseOrderId).map((row, meta) -> line(row)).all();
    }

    /** Live lines across the organisation's live orders: what is on order, by item and by the orders' status. */
    Mono<Page<PurchaseOrderItemView>> lines(String orgId, PurchaseOrderFilter filter, String purchaseOrderId,
                                            PageRequest page) {
        return KeysetQuery.live(LINES + " JOIN purchase_order_view p ON p.org_id = l.org_id "
                        + "AND p.sid = l.purchase_order_id", "l", orgId)
                .where("p.deleted = FALSE")
                .where("l.purchase_order_id = :po", "po", purchaseOrderId)
                .where("l.item_id = :itemId", "itemId", filter.itemId())
                .whereIn("p.status", "status", filter.statuses())
                .where("p.vendor_id = :vendorId", "vendorId", filter.vendorId())
                .where("p.target_type = :targetType", "targetType", filter.targetType())
                .page(client, page, PurchaseOrderRepository::line);
    }

    Mono<PurchaseOrderItemView> line(String orgId, String id) {
        return client.sql(LINES + " WHERE l.org_id = :org AND l.sid = :id AND l.deleted = FALSE")
                .bind("org", orgId).bind("id", id).map((row, meta) -> line(row)).one();
    }

    /** The receipts of one order, oldest first. */
    Mono<Page<PurchaseOrderReceiptView>> receipts(String orgId, String purchaseOrderId, PageRequest page) {
        return KeysetQuery.live(RECEIPTS, "r", orgId)
                .where("r.purchase_order_id = :po", "po", purchaseOrderId)
                .page(client, page, PurchaseOrderRepository::receipt);
    }

    Mono<PurchaseOrderReceiptView> receipt(String orgId, String id) {
        return client.sql(RECEIPTS + " WHERE r.org_id = :org AND r.sid = :id AND r.deleted = FALSE")
                .bind("org", orgId).bind("id", id).map((row, meta) -> receipt(row)).one();
    }

    Flux<PurchaseOrderReceiptItemView> receiptItems(String orgId, String receiptId) {
        return client.sql("SELECT * FROM purchase_order_receipt_item_view WHERE org_id = :org AND receipt_id = :id "
                        + "ORDER BY position")
                .bind("org", orgId).bind("id", receiptId)
                .map((row, meta) -> new PurchaseOrderReceiptItemView(receiptId,
                        row.get("purchase_order_item_id", String.class), Rows.decimal(row, "quantity")))
                .all();
    }

    private static PurchaseOrderReceiptView receipt(Row row) {
        return new PurchaseOrderReceiptView(row.get("sid", String.class), row.get("org_id", String.class),
                row.get("purchase_order_id", String.class), row.get("receipt_date", LocalDate.class),
                row.get("location_id", String.class), row.get("notes", String.class), Rows.flag(row, "allow_over_receipt"), Rows.instant(row, "created"));
    }

    private static PurchaseOrderView order(Row row) {
        return new PurchaseOrderView(row.get("sid", String.class), row.get("org_id", String.class),
                row.get("po_number", String.class), row.get("vendor_id", String.class),
                TargetType.of(row.get("target_type", String.class)),
                PurchaseOrderStatus.of(row.get("status", String.class)), row.get("ship_to_location_id", String.class),
                Rows.instant(row, "planning_at"), Rows.instant(row, "placed_at"),
                row.get("ship_date", LocalDate.class), Rows.instant(row, "in_transit_at"),
                Rows.instant(row, "partial_at"), row.get("expected_delivery_date", LocalDate.class),
                Rows.instant(row, "received_at"), Rows.instant(row, "paid_at"), Rows.instant(row, "cancelled_at"),
                Rows.decimal(row, "shipping_costs"), Rows.decimal(row, "setup_costs"),
                Rows.decimal(row, "other_costs"), row.get("notes", String.class),
                Rows.decimal(row, "amount_invoiced"), Rows.decimal(row, "amount_paid"), controls(row),
                Rows.instant(row, "created"), Rows.instant(row, "updated"));
    }

    private static PurchaseOrderControls controls(Row row) {
        return new PurchaseOrderControls(stamp(row, "approved"), stamp(row, "sent"), stamp(row, "locked"),
                stamp(row, "archived"), stamp(row, "voided"), stamp(row, "closed"));
    }

    private static PurchaseOrderControls.Stamp stamp(Row row, String state) {
        Instant at = Rows.instant(row, state + "_at");
        return at == null ? null : new PurchaseOrderControls.Stamp(at, row.get(state + "_by", String.class));
    }

    private static PurchaseOrderItemView line(Row row) {
        boolean materials = TargetType.of(row.get("target_type", String.class)) == TargetType.MATERIALS;
        String item = row.get("item_id", String.class);
        return new PurchaseOrderItemView(row.get("sid", String.class), row.get("org_id", String.class),
                row.get("purchase_order_id", String.class), materials ? item : null, materials ? null : item,
                Rows.decimal(row, "quantity"), Rows.decimal(row, "unit_cost"), Rows.decimal(row, "quantity_received"),
                Rows.decimal(row, "quantity_shipped"), Rows.decimal(row, "quantity_invoiced"),
                Rows.decimal(row, "quantity_canceled"), row.get("expected_delivery", LocalDate.class),
                row.get("expected_ship_by", LocalDate.class), row.get("tracking_number", String.class),
                row.get("carrier", String.class), row.get("snoozed_until", LocalDate.class),
                Rows.instant(row, "created"), Rows.instant(row, "updated"));
    }
}
