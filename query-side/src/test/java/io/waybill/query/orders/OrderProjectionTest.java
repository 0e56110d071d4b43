package io.waybill.query.orders;

import io.waybill.api.order.OrderCreated;
import io.waybill.api.order.OrderDeleted;
import io.waybill.api.order.OrderDetails;
import io.waybill.api.order.OrderDetailsChanged;
import io.waybill.query.support.ProjectionHarness;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static io.waybill.query.support.ProjectionHarness.ORG;
import static org.assertj.core.api.Assertions.assertThat;

class OrderProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();

    OrderProjectionTest() {
        harness.project(new OrderProjection(harness.jdbc(), harness.savepoints()));
    }

    @Test
    void anOrderIsListedAsCreatedThenChangedThenDeleted() {
        harness.given("Order", "o-1", new OrderCreated("o-1", ORG,
                new OrderDetails("v-1", "Acme", "PO-1", "Bolts", List.of("rfq-1"))));
        assertThat(harness.row("SELECT org_id, unique_name, vendor_sid, title, event_relations, deleted "
                + "FROM order_view WHERE sid = 'o-1'")).containsEntry("org_id", ORG).containsEntry("unique_name", "PO-1")
                .containsEntry("vendor_sid", "v-1").containsEntry("title", "Bolts")
                .containsEntry("event_relations", "[\"rfq-1\"]").containsEntry("deleted", false);

        harness.given("Order", "o-1", new OrderDetailsChanged("o-1",
                new OrderDetails(null, "Acme", "PO-1", "Nuts", List.of()), List.of("vendorId", "title")));
        assertThat(harness.row("SELECT vendor_sid, title, created < updated AS touched FROM order_view"))
                .containsEntry("vendor_sid", null).containsEntry("title", "Nuts").containsEntry("touched", true);

        harness.given("Order", "o-1", new OrderDeleted("o-1"));
        assertThat(harness.row("SELECT deleted FROM order_view")).containsEntry("deleted", true);
    }

    @Test
    void eventsAppliedTwiceLeaveTheRowsOfOnce() {
        harness.given("Order", "o-1", new OrderCreated("o-1", ORG, new OrderDetails("v-1", null, null, "A", null)));
        harness.given("Order", "o-2", new OrderCreated("o-2", ORG, new OrderDetails(null, "B", "PO-2", null, null)));
        harness.given("Order", "o-1", new OrderDetailsChanged("o-1", new OrderDetails("v-1", null, "PO-1", "A2",
                null), List.of("uniqueName", "title")));
        harness.given("Order", "o-2", new OrderDeleted("o-2"));
        var once = harness.rows("order_view");

        harness.redeliverAll();
        assertThat(harness.rows("order_view")).isEqualTo(once);

        harness.redeliverFirst(2);
        assertThat(harness.rows("order_view")).isEqualTo(once);
        assertThat(once.get("order_view")).hasSize(2);
    }

    @Test
    void aBatchLeavesTheRowsThatOneEventAtATimeLeaves() {
        ProjectionHarness oneByOne = new ProjectionHarness();
        oneByOne.project(new OrderProjection(oneByOne.jdbc(), oneByOne.savepoints()));
        for (ProjectionHarness each : List.of(oneByOne, harness)) {
            each.given("Order", "o-before", new OrderCreated("o-before", ORG,
                    new OrderDetails(null, "Acme", null, "Before", null)));
        }
        Consumer<ProjectionHarness> events = each -> {
            each.given("Order", "o-1", new OrderCreated("o-1", ORG, new OrderDetails("v-1", null, "PO-1", "A", null)));
            each.given("Order", "o-before", new OrderDetailsChanged("o-before",
                    new OrderDetails(null, "Acme", "PO-0", "Before", null), List.of("uniqueName")));
            each.given("Order", "o-1", new OrderDetailsChanged("o-1", new OrderDetails("v-1", null, "PO-1", "A2",
                    List.of("rfq-2")), List.of("title", "eventRelations")));
            each.given("Order", "o-2", new OrderCreated("o-2", ORG, new OrderDetails(null, "B", null, null, null)));
            each.given("Order", "o-2", new OrderDeleted("o-2"));
            each.given("Order", "o-before", new OrderDeleted("o-before"));
        };
        events.accept(oneByOne);
        harness.inOneBatch(() -> events.accept(harness));

        assertThat(harness.rows("order_view")).isEqualTo(oneByOne.rows("order_view"));
        assertThat(harness.row("SELECT title, event_relations, deleted, last_seq FROM order_view WHERE sid = 'o-1'"))
                .containsEntry("title", "A2").containsEntry("event_relations", "[\"rfq-2\"]")
                .containsEntry("deleted", false).containsEntry("last_seq", 1L);
        assertThat(harness.row("SELECT unique_name, deleted, last_seq FROM order_view WHERE sid = 'o-before'"))
                .containsEntry("unique_name", "PO-0").containsEntry("deleted", true).containsEntry("last_seq", 2L);
        assertThat(harness.row("SELECT deleted FROM order_view WHERE sid = 'o-2'")).containsEntry("deleted", true);
    }

    @Test
    void aBatchOfEventsSeenAgainLeavesTheRowsOfOnce() {
        harness.given("Order", "o-1", new OrderCreated("o-1", ORG, new OrderDetails("v-1", null, null, "A", null)));
        harness.given("Order", "o-1", new OrderDetailsChanged("o-1", new OrderDetails("v-1", null, "PO-1", "A2",
                null), List.of("uniqueName", "title")));
        harness.given("Order", "o-2", new OrderCreated("o-2", ORG, new OrderDetails(null, "B", null, null, null)));
        var once = harness.rows("order_view");

        harness.inOneBatch(harness::redeliverAll);
        assertThat(harness.rows("order_view")).isEqualTo(once);

        // a row one event behind: the batch's order created again finds its row and brings it up to date
        harness.jdbc().update("UPDATE order_view SET title = 'A', unique_name = NULL, last_seq = 0 WHERE sid = 'o-1'");
        harness.inOneBatch(harness::redeliverAll);
        assertThat(harness.rows("order_view")).isEqualTo(once);
    }
}
