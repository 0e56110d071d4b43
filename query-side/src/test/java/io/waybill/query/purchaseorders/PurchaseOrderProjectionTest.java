package io.waybill.query.purchaseorders;

import io.waybill.api.purchaseorder.PurchaseOrderCancelled;
import io.waybill.api.purchaseorder.PurchaseOrderChanged;
import io.waybill.api.purchaseorder.PurchaseOrderCreated;
import io.waybill.api.purchaseorder.PurchaseOrderDeleted;
import io.waybill.api.purchaseorder.PurchaseOrderDetails;
import io.waybill.api.purchaseorder.PurchaseOrderItemAdded;
import io.waybill.api.purchaseorder.PurchaseOrderItemChanged;
import io.waybill.api.purchaseorder.PurchaseOrderItemRemoved;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.PurchaseOrderPartlyReceived;
import io.waybill.api.purchaseorder.PurchaseOrderPlaced;
import io.waybill.api.purchaseorder.PurchaseOrderReceipt;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptRecorded;
import io.waybill.api.purchaseorder.ReceiptLine;
import io.waybill.api.purchaseorder.TargetType;
import io.waybill.query.support.ProjectionHarness;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.waybill.query.support.ProjectionHarness.ORG;
import static org.assertj.core.api.Assertions.assertThat;

class PurchaseOrderProjectionTest {

    private static final PurchaseOrderDetails DETAILS = new PurchaseOrderDetails("v-1", "dock",
            LocalDate.of(2026, 12, 20), null, new BigDecimal("15"), null, null, "first");
    private static final Instant PLACED = Instant.parse("2026-11-30T10:00:00Z");
    private final ProjectionHarness harness = new ProjectionHarness();

    PurchaseOrderProjectionTest() {
        harness.project(new PurchaseOrderProjection(harness.jdbc()));
    }

    @Test
    void anOrderAndItsLinesFollowItsEvents() {
        harness.given("PurchaseOrder", "po-1", new PurchaseOrderCreated("po-1", ORG, "PO-000001",
                TargetType.MATERIALS, DETAILS, List.of(line("l-1", "steel", "100"))));
        assertThat(harness.row("SELECT po_number, status, target_type, vendor_id, shipping_costs, "
                + "planning_at IS NOT NULL AS planned FROM purchase_order_view WHERE sid = 'po-1'"))
                .containsEntry("po_number", "PO-000001").containsEntry("status", "Planning")
                .containsEntry("target_type", "materials").containsEntry("vendor_id", "v-1")
                .containsEntry("planned", true);

        harness.given("PurchaseOrder", "po-1", new PurchaseOrderItemAdded("po-1", line("l-2", "bolt", "5")));
        harness.given("PurchaseOrder", "po-1", new PurchaseOrderItemChanged("po-1", line("l-1", "steel", "80"),
                List.of("quantity")));
        harness.given("PurchaseOrder", "po-1", new PurchaseOrderChanged("po-1", new PurchaseOrderDetails("v-1",
                "dock", null, null, null, null, null, "second"), List.of("expectedDeliveryDate", "notes")));
        harness.given("PurchaseOrder", "po-1", new PurchaseOrderPlaced("po-1", PLACED));
        assertThat(harness.row("SELECT status, notes, expected_delivery_date, placed_at = ? AS stamped "
                + "FROM purchase_order_view", PLACED.atOffset(java.time.ZoneOffset.UTC)))
                .containsEntry("status", "Placed").containsEntry("notes", "second")
                .containsEntry("expected_delivery_date", null).containsEntry("stamped", true);
        assertThat(harness.row("SELECT quantity FROM purchase_order_item_view WHERE sid = 'l-1'").get("quantity"))
                .isEqualTo(new BigDecimal("80.000000000000"));
        assertThat(harness.row("SELECT org_id, target_type FROM purchase_order_item_view WHERE sid = 'l-2'"))
                .containsEntry("org_id", ORG).containsEntry("target_type", "materials");

        harness.given("PurchaseOrder", "po-1", new PurchaseOrderItemRemoved("po-1", "l-2"));
        harness.given("PurchaseOrder", "po-1", new PurchaseOrderCancelled("po-1", PLACED));
        assertThat(harness.row("SELECT deleted FROM purchase_order_item_view WHERE sid = 'l-2'"))
                .containsEntry("deleted", true);
        assertThat(harness.row("SELECT status FROM purchase_order_view")).containsEntry("status", "Cancelled");
    }

    @Test
    void eventsAppliedTwiceLeaveTheRowsOfOnce() {
        harness.given("PurchaseOrder", "po-1", new PurchaseOrderCreated("po-1", ORG, "PO-000001",
                TargetType.MATERIALS, DETAILS, List.of(line("l-1", "steel", "100"))));
        harness.given("PurchaseOrder", "po-1", new PurchaseOrderItemAdded("po-1", line("l-2", "bolt", "5")));
        harness.given("PurchaseOrder", "po-1", new PurchaseOrderItemChanged("po-1", line("l-2", "bolt", "6"),
                List.of("quantity")));
        harness.given("PurchaseOrder", "po-2", new PurchaseOrderCreated("po-2", ORG, "PO-000002",
                TargetType.FINISHED_GOODS, DETAILS, List.of(line("l-3", "widget", "1"))));
        harness.given("PurchaseOrder", "po-2", new PurchaseOrderDeleted("po-2"));
        var once = harness.rows("purchase_order_view", "purchase_order_item_view");

        harness.redeliverAll();
        assertThat(harness.rows("purchase_order_view", "purchase_order_item_view")).isEqualTo(once);
        harness.redeliverFirst(3);
        assertThat(harness.rows("purchase_order_view", "purchase_order_item_view")).isEqualTo(once);
        assertThat(once.get("purchase_order_item_view")).hasSize(3);
    }

    @Test
    void aReceiptIsWrittenOnceAndAddsToWhatItsLinesReceived() {
        harness.given("PurchaseOrder", "po-1", new PurchaseOrderCreated("po-1", ORG, "PO-000001",
                TargetType.MATERIALS, DETAILS, List.of(line("l-1", "steel", "100"), line("l-2", "bolt", "5"))));
        PurchaseOrderReceipt receipt = new PurchaseOrderReceipt("r-1", LocalDate.of(2026, 12, 1), "dock", "dock 2",
                false,
                List.of(new ReceiptLine("l-1", new BigDecimal("30")), new ReceiptLine("l-2", new BigDecimal("5"))));
        harness.given("PurchaseOrder", "po-1", new PurchaseOrderReceiptRecorded("po-1", receipt));
        harness.given("PurchaseOrder", "po-1", new PurchaseOrderPartlyReceived("po-1", PLACED));
        var once = harness.rows("purchase_order_view", "purchase_order_item_view", "purchase_order_receipt_view",
                "purchase_order_receipt_item_view");
        assertThat(harness.row("SELECT quantity_received FROM purchase_order_item_view WHERE sid = 'l-1'")
                .get("quantity_received")).isEqualTo(new BigDecimal("30.000000000000"));
        assertThat(harness.row("SELECT org_id, purchase_order_id, notes FROM purchase_order_receipt_view"))
                .containsEntry("org_id", ORG).containsEntry("purchase_order_id", "po-1")
                .containsEntry("notes", "dock 2");
        assertThat(harness.row("SELECT status FROM purchase_order_view")).containsEntry("status", "Partial");

        harness.redeliverAll();
        assertThat(harness.rows("purchase_order_view", "purchase_order_item_view", "purchase_order_receipt_view",
                "purchase_order_receipt_item_view")).isEqualTo(once);
        assertThat(once.get("purchase_order_receipt_item_view")).hasSize(2);
    }

    private static PurchaseOrderLine line(String id, String item, String quantity) {
        return new PurchaseOrderLine(id, item, new BigDecimal(quantity), null);
    }
}
