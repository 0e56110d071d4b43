package io.waybill.command.order;

import io.waybill.command.itemgroup.ItemGroups;
import io.waybill.api.LineStatus;
import io.waybill.api.itemgroup.ItemGroupCreated;
import io.waybill.api.itemgroup.ItemGroupDeleted;
import io.waybill.api.itemgroup.ItemGroupDetails;
import io.waybill.api.order.AddItem;
import io.waybill.api.order.DeleteItem;
import io.waybill.api.order.ItemAdded;
import io.waybill.api.order.ItemCanceled;
import io.waybill.api.order.ItemDeleted;
import io.waybill.api.order.ItemDetails;
import io.waybill.api.order.ItemDetailsChanged;
import io.waybill.api.order.ItemReactivated;
import io.waybill.api.order.ItemView;
import io.waybill.command.registry.RegistryEntry;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.waybill.api.ErrorCode.CONFLICT;
import static io.waybill.api.ErrorCode.NOT_FOUND;
import static io.waybill.api.ErrorCode.VALIDATION_FAILED;
import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;
import static io.waybill.command.order.ItemPatchBuilder.itemPatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.matches;

class OrderItemsTest extends OrderTestBase {

    private TestExecutor<Order> givenItem() {
        return fixture.givenCommands(createOrder(), addItem(ITEM, "line-1"));
    }

    private static ItemDetails itemDetails(String uniqueName, String title) {
        ItemDetails d = itemDetails(uniqueName);
        return new ItemDetails(d.uniqueName(), title, d.status(), d.quantity(), d.pricePerUnit(),
                d.nonRecurringCost(), d.leadTime(), d.shipTime(), d.lineNumber(), d.description(),
                d.manufacturerPartNumber(), d.revision(), d.eventRelations());
    }

    @Test
    void givenOrder_whenItemAdded_thenItemAdded() {
        fixture.givenCommands(createOrder())
                .when(addItem(ITEM, "line-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ItemAdded(ORDER, ITEM, itemDetails("line-1")))
                .expectResultMessagePayload(ItemView.of(ITEM, ORDER, ORG, itemDetails("line-1"),
                        fixture.currentTime(), fixture.currentTime()));

        assertThat(registry.find(ORG, ITEM))
                .contains(new RegistryEntry(ITEM, ORG, OrderKinds.ITEM.name(), ORDER, "line-1", false, 1));
    }

    @Test
    void givenItem_whenAddedAgainWithSameDetails_thenNoEventsAndTheExistingView() {
        givenItem()
                .when(addItem(ITEM, "line-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(ItemView.of(ITEM, ORDER, ORG, itemDetails("line-1"),
                        fixture.currentTime(), fixture.currentTime()));
    }

    @Test
    void givenItem_whenAddedAgainWithOtherDetails_thenConflict() {
        givenItem()
                .when(new AddItem(ORDER, ORG, ITEM, itemDetails("line-1", "Hex bolt M10")))
                .expectException(domainError(CONFLICT, "id", ITEM))
                .expectNoEvents();
    }

    @Test
    void givenItem_whenAnotherItemIsAddedWithItsUniqueName_thenConflict() {
        givenItem()
                .when(addItem("item-2", "line-1"))
                .expectException(domainError(CONFLICT, "uniqueName", "line-1"))
                .expectNoEvents();

        assertThat(registry.find(ORG, "item-2")).isEmpty();
    }

    @Test
    void givenDeletedItem_whenAnotherItemIsAddedWithItsUniqueName_thenItemAdded() {
        givenItem()
                .andGivenCommands(new DeleteItem(ORDER, ORG, ITEM))
                .when(addItem("item-2", "line-1"))
                .expectEvents(new ItemAdded(ORDER, "item-2", itemDetails("line-1")));
    }

    @Test
    void givenDeletedItem_whenAddedAgainWithItsSid_thenConflict() {
        givenItem()
                .andGivenCommands(new DeleteItem(ORDER, ORG, ITEM))
                .when(addItem(ITEM, "line-1"))
                .expectException(domainError(CONFLICT, "id", ITEM))
                .expectNoEvents();
    }

    @Test
    void givenItem_whenTitleChanges_thenItemDetailsChanged() {
        givenItem()
                .when(updateItem(ITEM, itemPatch().title("Hex bolt M8 zinc")))
                .expectEvents(new ItemDetailsChanged(ORDER, ITEM, itemDetails("line-1", "Hex bolt M8 zinc"),
                        List.of("title")));
    }

    @Test
    void givenItem_whenCanceled_thenOnlyItemCanceled() {
        givenItem()
                .when(updateItem(ITEM, itemPatch().status(LineStatus.CANCELED)))
                .expectEvents(new ItemCanceled(ORDER, ITEM))
                .expectResultMessagePayloadMatching(matches(
                        (ItemView view) -> view.status() == LineStatus.CANCELED));
    }

    @Test
    void givenItem_whenRenamedAndCanceled_thenDetailsChangedAndThenCanceled() {
        givenItem()
                .when(updateItem(ITEM, itemPatch().uniqueName("line-9").status(LineStatus.CANCELED)))
                .expectEvents(new ItemDetailsChanged(ORDER, ITEM, itemDetails("line-9"), List.of("uniqueName")),
                        new ItemCanceled(ORDER, ITEM));

        assertThat(registry.find(ORG, ITEM)).map(RegistryEntry::uniqueName).contains("line-9");
    }

    @Test
    void givenCanceledItem_whenActiveAgain_thenItemReactivated() {
        givenItem()
                .andGivenCommands(updateItem(ITEM, itemPatch().status(LineStatus.CANCELED)))
                .when(updateItem(ITEM, itemPatch().status(LineStatus.ACTIVE)))
                .expectEvents(new ItemReactivated(ORDER, ITEM));
    }

    @Test
    void givenItem_whenUpdateRepeatsCurrentValues_thenNoEvents() {
        givenItem()
                .when(updateItem(ITEM, itemPatch().quantity("100.00").title("Hex bolt M8").uniqueName("line-1")
                        .status(LineStatus.ACTIVE).description(null)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenItem_whenQuantityRemoved_thenValidationFailed() {
        givenItem()
                .when(updateItem(ITEM, itemPatch().quantity(null)))
                .expectException(domainError(VALIDATION_FAILED, "field", "quantity"))
                .expectNoEvents();
    }

    @Test
    void givenTwoItems_whenOneIsRenamedToTheOthersUniqueName_thenConflict() {
        givenItem()
                .andGivenCommands(addItem("item-2", "line-2"))
                .when(updateItem("item-2", itemPatch().uniqueName("line-1")))
                .expectException(domainError(CONFLICT, "uniqueName", "line-1"))
                .expectNoEvents();
    }

    @Test
    void givenOrder_whenUnknownItemUpdated_thenNotFound() {
        givenItem()
                .when(updateItem("item-unknown", itemPatch().title("x")))
                .expectException(domainError(NOT_FOUND, "id", "item-unknown"))
                .expectNoEvents();
    }

    @Test
    void givenItem_whenDeleted_thenItemDeleted() {
        givenItem()
                .when(new DeleteItem(ORDER, ORG, ITEM))
                .expectEvents(new ItemDeleted(ORDER, ITEM))
                .expectResultMessagePayload(ITEM)
                .expectNotMarkedDeleted();

        assertThat(registry.find(ORG, ITEM))
                .contains(new RegistryEntry(ITEM, ORG, OrderKinds.ITEM.name(), ORDER, null, true, 2));
    }

    @Test
    void givenDeletedItem_whenUpdated_thenNotFound() {
        givenItem()
                .andGivenCommands(new DeleteItem(ORDER, ORG, ITEM))
                .when(updateItem(ITEM, itemPatch().title("x")))
                .expectException(domainError(NOT_FOUND, "id", ITEM))
                .expectNoEvents();
    }

    @Test
    void givenDeletedItem_whenDeletedAgain_thenNotFound() {
        givenItem()
                .andGivenCommands(new DeleteItem(ORDER, ORG, ITEM))
                .when(new DeleteItem(ORDER, ORG, ITEM))
                .expectException(domainError(NOT_FOUND, "id", ITEM))
                .expectNoEvents();
    }

    @Test
    void givenItemWithAGroup_whenDeleted_thenTheGroupIsDeletedToo() {
        registry.register("group-1", ORG, ItemGroups.KIND, ITEM, "lot-1");
        itemGroups.given(ORG, "group-1", new ItemGroupCreated("group-1", ORG, ORDER, ITEM, new ItemGroupDetails("lot-1",
                qty("10"), null, null, null, false, false, null, null, null, null, null), null));

        givenItem()
                .when(new DeleteItem(ORDER, ORG, ITEM))
                .expectEvents(new ItemDeleted(ORDER, ITEM));

        assertThat(itemGroups.events(ORG, "group-1")).last().isEqualTo(new ItemGroupDeleted("group-1"));
        assertThat(registry.liveChildren(ORG, ItemGroups.KIND, ITEM)).isEmpty();
    }
}
