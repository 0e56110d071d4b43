package io.waybill.command.itemgroup;

import io.waybill.api.LineStatus;
import io.waybill.api.itemgroup.CreateItemGroup;
import io.waybill.api.itemgroup.DeleteItemGroup;
import io.waybill.api.itemgroup.ItemGroupCanceled;
import io.waybill.api.itemgroup.ItemGroupCreated;
import io.waybill.api.itemgroup.ItemGroupDeleted;
import io.waybill.api.itemgroup.ItemGroupReactivated;
import io.waybill.api.itemgroup.ItemGroupRenamed;
import io.waybill.api.itemgroup.ItemGroupTrackingNumberChanged;
import io.waybill.api.itemgroup.ItemGroupView;
import io.waybill.api.itemgroup.UpdateItemGroup;
import io.waybill.command.registry.RegistryEntry;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.waybill.api.ErrorCode.CONFLICT;
import static io.waybill.api.ErrorCode.NOT_FOUND;
import static io.waybill.api.ErrorCode.VALIDATION_FAILED;
import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;
import static io.waybill.command.itemgroup.ItemGroupPatchBuilder.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.matches;

class ItemGroupTest extends ItemGroupTestBase {

    @Test
    void givenKnownItem_whenCreateItemGroup_thenItemGroupCreated() {
        fixture.givenNoPriorActivity()
                .when(create(details()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ItemGroupCreated(GROUP, ORG, ORDER, ITEM, details(), null))
                .expectResultMessagePayloadMatching(matches((ItemGroupView view) -> view.id().equals(GROUP)
                        && view.itemId().equals(ITEM) && view.quantity().equals(qty("10")) && view.version() == 1));

        assertThat(registry.find(ORG, GROUP))
                .contains(new RegistryEntry(GROUP, ORG, ItemGroups.KIND.name(), ITEM, "lot-1", false, 1));
    }

    @Test
    void givenKnownItem_whenCreateItemGroupNamingTheItemAlone_thenTheLotIsOfTheItemsOrder() {
        fixture.givenNoPriorActivity()
                .when(new CreateItemGroup(GROUP, ORG, null, ITEM, details()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ItemGroupCreated(GROUP, ORG, ORDER, ITEM, details(), null));
    }

    @Test
    void cannotCreateItemGroupNamingAnotherOrderThanTheItems() {
        fixture.givenNoPriorActivity()
                .when(new CreateItemGroup(GROUP, ORG, "order-other", ITEM, details()))
                .expectException(domainError(VALIDATION_FAILED, "field", "orderId"))
                .expectNoEvents();
    }

    @Test
    void cannotCreateItemGroupOfUnknownItem() {
        fixture.givenNoPriorActivity()
                .when(new CreateItemGroup(GROUP, ORG, ORDER, "item-unknown", details()))
                .expectException(domainError(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotCreateItemGroupOfAnotherOrganisationsItem() {
        fixture.givenNoPriorActivity()
                .when(new CreateItemGroup(GROUP, OTHER_ORG, ORDER, ITEM, details()))
                .expectException(domainError(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void givenGroup_whenCreatedAgainWithSameDetails_thenNoEventsAndTheExistingView() {
        givenGroup()
                .when(create(details()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matches((ItemGroupView view) -> view.id().equals(GROUP)
                        && view.version() == 1));
    }

    @Test
    void givenGroup_whenCreatedAgainWithOtherDetails_thenConflict() {
        givenGroup()
                .when(create(details().withQuantity(qty("11"))))
                .expectException(domainError(CONFLICT, "id", GROUP))
                .expectNoEvents();
    }

    @Test
    void givenGroup_whenRenamed_thenItemGroupRenamed() {
        givenGroup()
                .when(update(patch().uniqueName("lot-A")))
                .expectEvents(new ItemGroupRenamed(GROUP, "lot-1", "lot-A"));

        assertThat(registry.find(ORG, GROUP)).map(RegistryEntry::uniqueName).contains("lot-A");
    }

    @Test
    void givenSiblingGroupNamedLotB_whenRenamedToLotB_thenConflict() {
        registry.register("group-2", ORG, ItemGroups.KIND, ITEM, "lot-B");

        givenGroup()
                .when(update(patch().uniqueName("lot-B")))
                .expectException(domainError(CONFLICT, "uniqueName", "lot-B"))
                .expectNoEvents();
    }

    @Test
    void givenGroup_whenPatchRepeatsCurrentValues_thenNoEvents() {
        givenGroup()
                .when(update(patch().quantity("10.00").dueDate(DUE).uniqueName("lot-1").shipped(false)
                        .delivered(false).status(LineStatus.ACTIVE).trackingNumber(null).eventRelations(List.of())))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenGroup_whenPatchIsEmpty_thenNoEvents() {
        givenGroup()
                .when(update(patch()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenGroupWithTrackingNumber_whenTrackingNumberSetToNull_thenTrackingNumberRemoved() {
        givenGroup(patch().trackingNumber("1Z999"))
                .when(update(patch().trackingNumber(null)))
                .expectEvents(new ItemGroupTrackingNumberChanged(GROUP, "1Z999", null))
                .expectResultMessagePayloadMatching(matches((ItemGroupView view) -> view.trackingNumber() == null));
    }

    @Test
    void givenGroup_whenQuantityRemoved_thenValidationFailed() {
        givenGroup()
                .when(update(patch().quantity(null)))
                .expectException(domainError(VALIDATION_FAILED, "field", "quantity"))
                .expectNoEvents();
    }

    @Test
    void givenGroup_whenStatusRemoved_thenValidationFailed() {
        givenGroup()
                .when(update(patch().status(null)))
                .expectException(domainError(VALIDATION_FAILED, "field", "status"))
                .expectNoEvents();
    }

    @Test
    void givenActiveGroup_whenCanceled_thenItemGroupCanceled() {
        givenGroup()
                .when(update(patch().status(LineStatus.CANCELED)))
                .expectEvents(new ItemGroupCanceled(GROUP));
    }

    @Test
    void givenCanceledGroup_whenActiveAgain_thenItemGroupReactivated() {
        givenGroup(patch().status(LineStatus.CANCELED))
                .when(update(patch().status(LineStatus.ACTIVE)))
                .expectEvents(new ItemGroupReactivated(GROUP));
    }

    @Test
    void givenGroupAtVersion2_whenUpdateExpectsVersion1_thenConflictNamingCurrentVersion() {
        givenGroup(patch().uniqueName("lot-A"))
                .when(new UpdateItemGroup(GROUP, ORG, 1L, patch().quantity("12").build()))
                .expectException(domainError(CONFLICT, "currentVersion", 2L))
                .expectNoEvents();
    }

    @Test
    void givenGroupAtVersion2_whenUpdateExpectsVersion2_thenUpdated() {
        givenGroup(patch().uniqueName("lot-A"))
                .when(new UpdateItemGroup(GROUP, ORG, 2L, patch().uniqueName("lot-B").build()))
                .expectEvents(new ItemGroupRenamed(GROUP, "lot-A", "lot-B"))
                .expectResultMessagePayloadMatching(matches((ItemGroupView view) -> view.version() == 3));
    }

    @Test
    void givenGroup_whenDeleted_thenItemGroupDeleted() {
        givenGroup()
                .when(new DeleteItemGroup(GROUP, ORG, null))
                .expectEvents(new ItemGroupDeleted(GROUP))
                .expectResultMessagePayload(GROUP)
                .expectMarkedDeleted();

        assertThat(registry.find(ORG, GROUP))
                .contains(new RegistryEntry(GROUP, ORG, ItemGroups.KIND.name(), ITEM, null, true, 2));
    }

    @Test
    void givenDeletedGroup_whenUpdated_thenItIsGone() {
        fixture.givenCommands(create(details()), new DeleteItemGroup(GROUP, ORG, null))
                .when(update(patch().quantity("12")))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }
}
