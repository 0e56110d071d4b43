package io.waybill.query.workorders;

import io.r2dbc.spi.Row;
import io.waybill.api.Page;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.inventory.Bucket;
import io.waybill.api.inventory.LedgerSources;
import io.waybill.api.workorder.WorkOrderInputView;
import io.waybill.api.workorder.WorkOrderItemView;
import io.waybill.api.workorder.WorkOrderReceiptItemView;
import io.waybill.api.workorder.WorkOrderReceiptView;
import io.waybill.api.workorder.WorkOrderStatus;
import io.waybill.api.workorder.WorkOrderView;
import io.waybill.platform.web.PageRequest;
import io.waybill.query.support.KeysetQuery;
import io.waybill.query.support.Rows;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the work orders, their lines, inputs and receipts without blocking. */
@Repository
class WorkOrderRepository {

    private static final String ORDERS = "SELECT w.* FROM work_order_view w";
    private static final String RECEIPTS = "SELECT r.* FROM work_order_receipt_view r";
    private final DatabaseClient client;

    WorkOrderRepository(DatabaseClient client) {
        this.client = client;
    }

    Mono<Page<WorkOrderView>> list(String orgId, WorkOrderFilter filter, PageRequest page) {
        return KeysetQuery.live(ORDERS, "w", orgId)
                .whereIn("w.status", "status", filter.statuses())
                .where("w.work_site_location_id = :site", "site", filter.workSiteLocationId())
                .where("EXISTS (SELECT 1 FROM work_order_item_view i WHERE i.org_id = w.org_id "
                        + "AND i.work_order_id = w.sid AND i.sku_id = :skuId AND i.deleted = FALSE)", "skuId",
                        filter.skuId())
                .where("EXISTS (SELECT 1 FROM work_order_item_view i JOIN work_order_item_material m "
                        + "ON m.org_id = i.org_id AND m.item_id = i.sid WHERE i.org_id = w.org_id "
                        + "AND i.work_order_id = w.sid AND i.deleted = FALSE AND m.material_id = :materialId)",
                        "materialId", filter.materialId())
                .page(client, page, WorkOrderRepository::order);
    }

    /** A live order of the organisation; {@code includeDeleted} finds a deleted one too (for its history). */
    Mono<WorkOrderView> find(String orgId, String id, boolean includeDeleted) {
        return client.sql(ORDERS + " WHERE w.org_id = :org AND w.sid = :id"
                        + (includeDeleted ? "" : " AND w.deleted = FALSE"))
                .bind("org", orgId).bind("id", id).map((row, meta) -> order(row)).one();
    }

    /** The live lines of one order, in the order they were added, each with the BOM it recorded. */
    Mono<List<WorkOrderItemView>> lines(String orgId, String workOrderId) {
        Mono<Map<String, List<BomLine>>> boms = client.sql("SELECT m.* FROM work_order_item_material m "
                        + "JOIN work_order_item_view i ON i.org_id = m.org_id AND i.sid = m.item_id "
                        + "WHERE i.org_id = :org AND i.work_order_id = :wo ORDER BY m.item_id, m.position")
                .bind("org", orgId).bind("wo", workOrderId)
                .map((row, meta) -> Map.entry(row.get("item_id", String.class), new BomLine(
                        row.get("material_id", String.class), Rows.decimal(row, "quantity_per_unit"))))
                .all()
                .collect(LinkedHashMap::new, (all, line) -> all.computeIfAbsent(line.getKey(),
                        id -> new ArrayList<>()).add(line.getValue()));
        return boms.flatMap(bom -> client.sql("SELECT * FROM work_order_item_view WHERE org_id = :org "
                        + "AND work_order_id = :wo AND deleted = FALSE ORDER BY position")
                .bind("org", orgId).bind("wo", workOrderId)
                .map((row, meta) -> line(row, bom.getOrDefault(row.get("sid", String.class), List.of())))
                .all().collectList());
    }

    /**
     * What the order needs of each material (its live lines times their BOMs), what its standing receipts consumed,
     * and, from the ledger entries it posted, what it holds allocated and still demands (its shortage).
     */
    Mono<List<WorkOrderInputView>> inputs(String orgId, String workOrderId) {
        Mono<Map<String, BigDecimal>> consumed = sums("SELECT m.material_id AS item, "
                + "SUM(ri.quantity * m.quantity_per_unit) AS total FROM work_order_receipt_item_view ri "
                + "JOIN work_order_receipt_view r ON r.org_id = ri.org_id AND r.sid = ri.receipt_id "
                + "AND r.deleted = FALSE "
                + "JOIN work_order_item_material m ON m.org_id = ri.org_id AND m.item_id = ri.work_order_item_id "
                + "WHERE r.org_id = :org AND r.work_order_id = :wo GROUP BY m.material_id", orgId, workOrderId);
        Mono<Map<String, BigDecimal>> allocated = held(orgId, workOrderId, Bucket.ALLOCATED);
        Mono<Map<String, BigDecimal>> demanded = held(orgId, workOrderId, Bucket.DEMAND);
        return Mono.zip(consumed, allocated, demanded).flatMap(held -> client.sql("SELECT m.material_id, "
                        + "SUM(i.quantity * m.quantity_per_unit) AS required, MIN(i.position) AS first_line, "
                        + "MIN(m.position) AS first_place FROM work_order_item_view i "
                        + "JOIN work_order_item_material m ON m.org_id = i.org_id AND m.item_id = i.sid "
                        + "WHERE i.org_id = :org AND i.work_order_id = :wo AND i.deleted = FALSE "
                        + "GROUP BY m.material_id ORDER BY first_line, first_place, m.material_id")
                .bind("org", orgId).bind("wo", workOrderId)
                .map((row, meta) -> {
                    String material = row.get("material_id", String.class);
                    return new WorkOrderInputView(material, Rows.decimal(row, "required"),
                            held.getT1().getOrDefault(material, BigDecimal.ZERO),
                            held.getT2().getOrDefault(material, BigDecimal.ZERO),
                            held.getT3().getOrDefault(material, BigDecimal.ZERO));
                })
                .all().collectList());
    }

    /** What the order holds of the bucket per material: the sum of its entries' changes of that bucket. */
    private Mono<Map<String, BigDecimal>> held(String orgId, String workOrderId, Bucket bucket) {
        return sums("SELECT d.item_id AS item, SUM(d.delta) AS total FROM ledger_balance_delta d "
                + "JOIN ledger_entry_view e ON e.org_id = d.org_id AND e.id = d.entry_id "
                + "WHERE e.org_id = :org AND e.source_id = :wo "
                + "AND e.source_type IN ('" + LedgerSources.WORK_ORDER + "', '" + LedgerSources.WORK_ORDER_RECEIPT
                + "') AND d.bucket = '" + bucket.name() + "' GROUP BY d.item_id", orgId, workOrderId);
    }

    private Mono<Map<String, BigDecimal>> sums(String sql, String orgId, String workOrderId) {
        return client.sql(sql).bind("org", orgId).bind("wo", workOrderId)
                .map((row, meta) -> Map.entry(row.get("item", String.class), Rows.decimal(row, "total")))
                .all().collect(HashMap::new, (all, sum) -> all.put(sum.getKey(), sum.getValue()));
    }

    /** The receipts of one order, oldest first. */
    Mono<Page<WorkOrderReceiptView>> receipts(String orgId, String workOrderId, PageRequest page) {
        return KeysetQuery.live(RECEIPTS, "r", orgId)
                .where("r.work_order_id = :wo", "wo", workOrderId)
                .page(client, page, WorkOrderRepository::receipt);
    }

    Mono<WorkOrderReceiptView> receipt(String orgId, String id) {
        return client.sql(RECEIPTS + " WHERE r.org_id = :org AND r.sid = :id AND r.deleted = FALSE")
                .bind("org", orgId).bind("id", id).map((row, meta) -> receipt(row)).one();
    }

    Flux<WorkOrderReceiptItemView> receiptItems(String orgId, String receiptId) {
        return client.sql("SELECT ri.*, i.sku_id FROM work_order_receipt_item_view ri "
                        + "JOIN work_order_item_view i ON i.org_id = ri.org_id AND i.sid = ri.work_order_item_id "
                        + "WHERE ri.org_id = :org AND ri.receipt_id = :id ORDER BY ri.position")
                .bind("org", orgId).bind("id", receiptId)
                .map((row, meta) -> new WorkOrderReceiptItemView(receiptId,
                        row.get("work_order_item_id", String.class), row.get("sku_id", String.class),
                        Rows.decimal(row, "quantity")))
                .all();
    }

    private static WorkOrderReceiptView receipt(Row row) {
        return new WorkOrderReceiptView(row.get("sid", String.class), row.get("work_order_id", String.class),
                row.get("receipt_date", LocalDate.class), row.get("notes", String.class),
                Rows.instant(row, "created"), Rows.instant(row, "updated"));
    }

    private static WorkOrderView order(Row row) {
        return new WorkOrderView(row.get("sid", String.class), row.get("org_id", String.class),
                row.get("wo_number", String.class), WorkOrderStatus.of(row.get("status", String.class)),
                row.get("work_site_location_id", String.class), row.get("order_date", LocalDate.class),
                row.get("expected_delivery_date", LocalDate.class), row.get("notes", String.class),
                Rows.instant(row, "draft_at"), Rows.instant(row, "entered_at"), Rows.instant(row, "placed_at"),
                Rows.instant(row, "production_started_at"), Rows.instant(row, "in_transit_at"),
                Rows.instant(row, "partial_at"), Rows.instant(row, "received_at"),
                Rows.instant(row, "completed_at"), Rows.instant(row, "cancelled_at"),
                Rows.instant(row, "created"), Rows.instant(row, "updated"));
    }

    private static WorkOrderItemView line(Row row, List<BomLine> bom) {
        return new WorkOrderItemView(row.get("sid", String.class), row.get("work_order_id", String.class),
                row.get("sku_id", String.class), Rows.decimal(row, "quantity"), Rows.decimal(row, "conversion_cost"),
                Rows.decimal(row, "quantity_received"), bom, Rows.instant(row, "created"),
                Rows.instant(row, "updated"));
    }
}
