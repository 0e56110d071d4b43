package io.waybill.query.workorders;

import io.waybill.api.catalog.BomLine;
import io.waybill.api.workorder.WorkOrderCancelled;
import io.waybill.api.workorder.WorkOrderChanged;
import io.waybill.api.workorder.WorkOrderCreated;
import io.waybill.api.workorder.WorkOrderDeleted;
import io.waybill.api.workorder.WorkOrderDetails;
import io.waybill.api.workorder.WorkOrderFullyReceived;
import io.waybill.api.workorder.WorkOrderItemAdded;
import io.waybill.api.workorder.WorkOrderItemChanged;
import io.waybill.api.workorder.WorkOrderItemRemoved;
import io.waybill.api.workorder.WorkOrderLine;
import io.waybill.api.workorder.WorkOrderPartlyReceived;
import io.waybill.api.workorder.WorkOrderPlaced;
import io.waybill.api.workorder.WorkOrderReceipt;
import io.waybill.api.workorder.WorkOrderReceiptDeleted;
import io.waybill.api.workorder.WorkOrderReceiptLine;
import io.waybill.api.workorder.WorkOrderReceiptChanged;
import io.waybill.api.workorder.WorkOrderReceiptMoveRefused;
import io.waybill.api.workorder.WorkOrderReceiptRecorded;
import io.waybill.api.workorder.WorkOrderReceiptRestored;
import io.waybill.api.workorder.WorkOrderReopened;
import io.waybill.api.workorder.WorkOrderStatus;
import io.waybill.query.support.ProjectionHarness;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.waybill.query.support.ProjectionHarness.ORG;
import static org.assertj.core.api.Assertions.assertThat;

class WorkOrderProjectionTest {

    private static final WorkOrderDetails DETAILS = new WorkOrderDetails("plant", null, LocalDate.of(2026, 12, 20),
            "first run");
    private static final Instant PLACED = Instant.parse("2026-11-30T10:00:00Z");
    private static final String[] TABLES = {"work_order_view", "work_order_item_view", "work_order_item_material",
            "work_order_receipt_view", "work_order_receipt_item_view"};
    private final ProjectionHarness harness = new ProjectionHarness();

    WorkOrderProjectionTest() {
        harness.project(new WorkOrderProjection(harness.jdbc()));
    }

    @Test
    void anOrderAndItsLinesWithTheirBomsFollowItsEvents() {
        harness.given("WorkOrder", "wo-1", new WorkOrderCreated("wo-1", ORG, "WO-000001", DETAILS,
                List.of(line("l-1", "widget", "10"))));
        assertThat(harness.row("SELECT wo_number, status, work_site_location_id, draft_at IS NOT NULL AS drafted "
                + "FROM work_order_view WHERE sid = 'wo-1'"))
                .containsEntry("wo_number", "WO-000001").containsEntry("status", "Draft")
                .containsEntry("work_site_location_id", "plant").containsEntry("drafted", true);
        harness.given("WorkOrder", "wo-1", new WorkOrderItemAdded("wo-1", line("l-2", "gadget", "5")));
        harness.given("WorkOrder", "wo-1", new WorkOrderItemChanged("wo-1", new WorkOrderLine("l-1", "widget",
                new BigDecimal("8"), null, List.of(new BomLine("steel", new BigDecimal("3"))))));
        harness.given("WorkOrder", "wo-1", new WorkOrderChanged("wo-1", new WorkOrderDetails("plant", null, null,
                "second")));
        harness.given("WorkOrder", "wo-1", new WorkOrderItemRemoved("wo-1", "l-2"));
        harness.given("WorkOrder", "wo-1", new WorkOrderPlaced("wo-1", PLACED));
        assertThat(harness.row("SELECT status, notes, expected_delivery_date, placed_at = ? AS stamped "
                + "FROM work_order_view", PLACED.atOffset(ZoneOffset.UTC)))
                .containsEntry("status", "Placed").containsEntry("notes", "second")
                .containsEntry("expected_delivery_date", null).containsEntry("stamped", true);
        assertThat(harness.row("SELECT material_id, quantity_per_unit FROM work_order_item_material "
                + "WHERE item_id = 'l-1'")).containsEntry("material_id", "steel")
                .containsEntry("quantity_per_unit", new BigDecimal("3.000000000000"));
        assertThat(harness.row("SELECT deleted, position FROM work_order_item_view WHERE sid = 'l-2'"))
                .containsEntry("deleted", true).containsEntry("position", 1);
        harness.given("WorkOrder", "wo-1", new WorkOrderCancelled("wo-1", PLACED));
        assertThat(harness.row("SELECT status FROM work_order_view")).containsEntry("status", "Cancelled");
    }

    @Test
    void receiptsCountWhileTheyStandAndTheStatusFollows() {
        harness.given("WorkOrder", "wo-1", new WorkOrderCreated("wo-1", ORG, "WO-000001", DETAILS,
                List.of(line("l-1", "widget", "10"))));
        harness.given("WorkOrder", "wo-1", new WorkOrderPlaced("wo-1", PLACED));
        WorkOrderReceipt receipt = new WorkOrderReceipt("r-1", LocalDate.of(2026, 12, 1), "first",
                List.of(new WorkOrderReceiptLine("l-1", new BigDecimal("4")),
                        new WorkOrderReceiptLine("l-1", new BigDecimal("6"))));
        harness.given("WorkOrder", "wo-1", new WorkOrderReceiptRecorded("wo-1", receipt));
        harness.given("WorkOrder", "wo-1", new WorkOrderFullyReceived("wo-1", PLACED));
        assertThat(received()).isEqualTo(new BigDecimal("10.000000000000"));
        harness.given("WorkOrder", "wo-1", new WorkOrderReceiptDeleted("wo-1", "r-1"));
        harness.given("WorkOrder", "wo-1", new WorkOrderReopened("wo-1", WorkOrderStatus.PLACED, PLACED));
        assertThat(received()).isEqualTo(new BigDecimal("0E-12"));
        assertThat(harness.row("SELECT status, received_at FROM work_order_view")).containsEntry("status", "Placed")
                .containsEntry("received_at", null);
        harness.given("WorkOrder", "wo-1", new WorkOrderReceiptRestored("wo-1", "r-1", "used", List.of()));
        harness.given("WorkOrder", "wo-1", new WorkOrderPartlyReceived("wo-1", PLACED));
        harness.given("WorkOrder", "wo-1", new WorkOrderReceiptChanged("wo-1", "r-1", "moved", LocalDate.of(2026, 11,
                28)));
        harness.given("WorkOrder", "wo-1", new WorkOrderReceiptChanged("wo-1", "r-1", "moved back", null));
        assertThat(harness.row("SELECT receipt_date, notes FROM work_order_receipt_view"))
                .containsEntry("notes", "moved back")
                .containsEntry("receipt_date", java.sql.Date.valueOf("2026-11-28"));
        harness.given("WorkOrder", "wo-1", new WorkOrderReceiptMoveRefused("wo-1", "r-1", LocalDate.of(2026, 12, 1),
                "used", List.of()));
        assertThat(harness.row("SELECT receipt_date, deleted FROM work_order_receipt_view"))
                .containsEntry("receipt_date", java.sql.Date.valueOf("2026-12-01")).containsEntry("deleted", false);
        var once = harness.rows(TABLES);
        assertThat(received()).isEqualTo(new BigDecimal("10.000000000000"));
        assertThat(harness.row("SELECT deleted FROM work_order_receipt_view")).containsEntry("deleted", false);

        harness.redeliverAll();
        assertThat(harness.rows(TABLES)).isEqualTo(once);
        harness.redeliverFirst(3);
        assertThat(harness.rows(TABLES)).isEqualTo(once);
        assertThat(once.get("work_order_receipt_item_view")).hasSize(2);
    }

    @Test
    void aDeletedOrderKeepsItsRowsMarked() {
        harness.given("WorkOrder", "wo-1", new WorkOrderCreated("wo-1", ORG, "WO-000001", DETAILS,
                List.of(line("l-1", "widget", "10"))));
        harness.given("WorkOrder", "wo-1", new WorkOrderDeleted("wo-1"));
        var once = harness.rows(TABLES);
        harness.redeliverAll();
        assertThat(harness.rows(TABLES)).isEqualTo(once);
        assertThat(harness.row("SELECT deleted FROM work_order_item_view")).containsEntry("deleted", true);
    }

    private BigDecimal received() {
        return (BigDecimal) harness.row("SELECT quantity_received FROM work_order_item_view WHERE sid = 'l-1'")
                .get("quantity_received");
    }

    private static WorkOrderLine line(String id, String sku, String quantity) {
        return new WorkOrderLine(id, sku, new BigDecimal(quantity), null,
                List.of(new BomLine("steel", new BigDecimal("2")), new BomLine("bolt", new BigDecimal("4"))));
    }
}
