package io.waybill.command.order;

import io.waybill.command.itemgroup.ItemGroups;
import io.waybill.api.Change;
import io.waybill.api.itemgroup.ItemGroupCreated;
import io.waybill.api.itemgroup.ItemGroupDeleted;
import io.waybill.api.itemgroup.ItemGroupDetails;
import io.waybill.api.order.CreateOrder;
import io.waybill.api.order.DeleteItem;
import io.waybill.api.order.DeleteOrder;
import io.waybill.api.order.OrderCreated;
import io.waybill.api.order.OrderDeleted;
import io.waybill.api.order.OrderDetails;
import io.waybill.api.order.OrderDetailsChanged;
import io.waybill.api.order.OrderView;
import io.waybill.api.order.UpdateOrder;
import io.waybill.command.registry.RegistryEntry;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.waybill.api.ErrorCode.CONFLICT;
import static io.waybill.api.ErrorCode.VALIDATION_FAILED;
import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;
import static org.assertj.core.api.Assertions.assertThat;

class OrderTest extends OrderTestBase {

    @Test
    void givenNoOrder_whenCreateOrder_thenOrderCreated() {
        fixture.givenNoPriorActivity()
                .when(createOrder())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderCreated(ORDER, ORG, orderDetails()))
                .expectResultMessagePayload(new OrderView(ORDER, ORG, "PO-1", "vendor-1", null, "Bolts", List.of(),
                        fixture.currentTime(), fixture.currentTime()));

        assertThat(registry.find(ORG, ORDER))
                .contains(new RegistryEntry(ORDER, ORG, OrderKinds.ORDER.name(), "", "PO-1", false, 1));
    }

    @Test
    void givenNoOrder_whenCreateOrderWithVendorNameOnly_thenOrderCreated() {
        OrderDetails details = new OrderDetails(null, "ACME Fasteners", "PO-1", null, null);
        fixture.givenNoPriorActivity()
                .when(new CreateOrder(ORDER, ORG, details))
                .expectEvents(new OrderCreated(ORDER, ORG, details));
    }

    @Test
    void cannotCreateOrderWithoutVendor() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrder(ORDER, ORG, new OrderDetails(null, null, "PO-1", "Bolts", null)))
                .expectException(domainError(VALIDATION_FAILED, "field", "vendorId"))
                .expectNoEvents();

        assertThat(registry.find(ORG, ORDER)).isEmpty();
    }

    @Test
    void givenOrder_whenCreatedAgainWithSameDetails_thenNoEventsAndTheExistingView() {
        fixture.givenCommands(createOrder())
                .when(createOrder())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new OrderView(ORDER, ORG, "PO-1", "vendor-1", null, "Bolts", List.of(),
                        fixture.currentTime(), fixture.currentTime()));
    }

    @Test
    void givenOrder_whenCreatedAgainWithOtherDetails_thenConflict() {
        fixture.givenCommands(createOrder())
                .when(new CreateOrder(ORDER, ORG, new OrderDetails("vendor-2", null, "PO-1", "Bolts", null)))
                .expectException(domainError(CONFLICT, "id", ORDER))
                .expectNoEvents();
    }

    @Test
    void givenOrder_whenUpdated_thenOrderDetailsChangedNamingTheChangedFields() {
        fixture.givenCommands(createOrder())
                .when(new UpdateOrder(ORDER, ORG, Change.to("vendor-1"), null, Change.to("PO-2"),
                        Change.to("Bolts and nuts"), null))
                .expectEvents(new OrderDetailsChanged(ORDER,
                        new OrderDetails("vendor-1", null, "PO-2", "Bolts and nuts", List.of()),
                        List.of("uniqueName", "title")));

        assertThat(registry.find(ORG, ORDER)).map(RegistryEntry::uniqueName).contains("PO-2");
    }

    @Test
    void givenAnotherOrderNamedPO2_whenRenamedToPO2_thenConflict() {
        registry.register("order-2", ORG, OrderKinds.ORDER, "", "PO-2");

        fixture.givenCommands(createOrder())
                .when(new UpdateOrder(ORDER, ORG, null, null, Change.to("PO-2"), null, null))
                .expectException(domainError(CONFLICT, "uniqueName", "PO-2"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateOrderWithTheUniqueNameOfAnotherOrder() {
        registry.register("order-2", ORG, OrderKinds.ORDER, "", "PO-1");

        fixture.givenNoPriorActivity()
                .when(createOrder())
                .expectException(domainError(CONFLICT, "uniqueName", "PO-1"))
                .expectNoEvents();
    }

    @Test
    void givenOrder_whenVendorSidReplacedByVendorName_thenBothFieldsChanged() {
        fixture.givenCommands(createOrder())
                .when(new UpdateOrder(ORDER, ORG, Change.to(null), Change.to("ACME Fasteners"), null, null, null))
                .expectEvents(new OrderDetailsChanged(ORDER,
                        new OrderDetails(null, "ACME Fasteners", "PO-1", "Bolts", List.of()),
                        List.of("vendorSid", "vendorName")));
    }

    @Test
    void givenOrder_whenUpdateRepeatsCurrentValues_thenNoEvents() {
        fixture.givenCommands(createOrder())
                .when(new UpdateOrder(ORDER, ORG, Change.to("vendor-1"), Change.to(null), Change.to("PO-1"),
                        Change.to("Bolts"), Change.to(List.of())))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenOrder_whenUpdateRemovesTheOnlyVendor_thenValidationFailed() {
        fixture.givenCommands(createOrder())
                .when(new UpdateOrder(ORDER, ORG, Change.to(null), null, null, null, null))
                .expectException(domainError(VALIDATION_FAILED, "field", "vendorId"))
                .expectNoEvents();
    }

    @Test
    void givenOrder_whenDeleted_thenOrderDeleted() {
        fixture.givenCommands(createOrder())
                .when(new DeleteOrder(ORDER, ORG))
                .expectEvents(new OrderDeleted(ORDER))
                .expectResultMessagePayload(ORDER)
                .expectMarkedDeleted();

        assertThat(registry.find(ORG, ORDER))
                .contains(new RegistryEntry(ORDER, ORG, OrderKinds.ORDER.name(), "", null, true, 2));
    }

    @Test
    void givenOrderWithItemsAndAGroup_whenDeleted_thenLiveItemsAndTheirGroupsAreDeletedToo() {
        registry.register("group-1", ORG, ItemGroups.KIND, ITEM, "lot-1");
        itemGroups.given(ORG, "group-1", new ItemGroupCreated("group-1", ORG, ORDER, ITEM, new ItemGroupDetails("lot-1",
                qty("10"), null, null, null, false, false, null, null, null, null, null), null));

        fixture.givenCommands(createOrder(), addItem(ITEM, "line-1"), addItem("item-2", "line-2"),
                        addItem("item-3", "line-3"), new DeleteItem(ORDER, ORG, "item-3"))
                .when(new DeleteOrder(ORDER, ORG))
                .expectEvents(new OrderDeleted(ORDER));

        assertThat(registry.liveChildren(ORG, OrderKinds.ITEM, ORDER)).isEmpty();
        assertThat(registry.find(ORG, ITEM)).map(RegistryEntry::deleted).contains(true);
        assertThat(registry.find(ORG, "item-2")).map(RegistryEntry::deleted).contains(true);
        assertThat(itemGroups.events(ORG, "group-1")).last().isEqualTo(new ItemGroupDeleted("group-1"));
        assertThat(registry.find(ORG, "group-1")).map(RegistryEntry::deleted).contains(true);
    }

    @Test
    void givenDeletedOrder_whenUpdated_thenItIsGone() {
        fixture.givenCommands(createOrder(), new DeleteOrder(ORDER, ORG))
                .when(new UpdateOrder(ORDER, ORG, null, null, null, Change.to("Nuts"), null))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }

    @Test
    void givenDeletedOrder_whenItemAdded_thenItIsGone() {
        fixture.givenCommands(createOrder(), new DeleteOrder(ORDER, ORG))
                .when(addItem(ITEM, "line-1"))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }
}
