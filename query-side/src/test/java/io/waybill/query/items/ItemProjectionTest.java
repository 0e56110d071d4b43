package io.waybill.query.items;

import io.waybill.api.LineStatus;
import io.waybill.api.order.ItemAdded;
import io.waybill.api.order.ItemCanceled;
import io.waybill.api.order.ItemDeleted;
import io.waybill.api.order.ItemDetails;
import io.waybill.api.order.ItemDetailsChanged;
import io.waybill.api.order.ItemReactivated;
import io.waybill.api.order.OrderDeleted;
import io.waybill.query.support.ProjectionHarness;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ItemProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();

    ItemProjectionTest() {
        harness.project(new ItemProjection(harness.jdbc()));
    }

    @Test
    void aLineFollowsItsChangesItsStatusAndItsOrdersDeletion() {
        harness.given("Order", "o-1", new ItemAdded("o-1", "i-1", details("10", "line-1")));
        harness.given("Order", "o-1", new ItemAdded("o-1", "i-2", details("5", null)));
        harness.given("Order", "o-1", new ItemDetailsChanged("o-1", "i-1", details("12.5", "line-1"),
                List.of("quantity")));
        harness.given("Order", "o-1", new ItemCanceled("o-1", "i-1"));
        assertThat(harness.row("SELECT quantity, status, deleted FROM item_view WHERE sid = 'i-1'"))
                .containsEntry("status", "canceled").containsEntry("deleted", false)
                .hasEntrySatisfying("quantity", q -> assertThat((BigDecimal) q).isEqualByComparingTo("12.5"));

        harness.given("Order", "o-1", new ItemReactivated("o-1", "i-1"));
        harness.given("Order", "o-1", new ItemDeleted("o-1", "i-2"));
        assertThat(harness.row("SELECT status FROM item_view WHERE sid = 'i-1'")).containsEntry("status", "active");
        assertThat(harness.row("SELECT deleted FROM item_view WHERE sid = 'i-2'")).containsEntry("deleted", true);

        harness.given("Order", "o-1", new OrderDeleted("o-1"));
        assertThat(harness.jdbc().queryForObject("SELECT COUNT(*) FROM item_view WHERE deleted = FALSE",
                Integer.class)).isZero();
    }

    @Test
    void eventsSeenAgainLeaveTheRowsOfOnce() {
        harness.given("Order", "o-1", new ItemAdded("o-1", "i-1", details("10", "line-1")));
        harness.given("Order", "o-1", new ItemCanceled("o-1", "i-1"));
        harness.given("Order", "o-1", new ItemDetailsChanged("o-1", "i-1", details("3", "line-one"),
                List.of("quantity", "uniqueName")));
        harness.given("Order", "o-1", new ItemReactivated("o-1", "i-1"));
        var once = harness.rows("item_view");

        harness.redeliverAll();
        assertThat(harness.rows("item_view")).isEqualTo(once);

        harness.redeliverFirst(3);
        assertThat(harness.rows("item_view")).isEqualTo(once);
    }

    private static ItemDetails details(String quantity, String uniqueName) {
        return new ItemDetails(uniqueName, "Hex bolt", LineStatus.ACTIVE, new BigDecimal(quantity), null, null, 3,
                null, 1, null, null, null, List.of());
    }
}
