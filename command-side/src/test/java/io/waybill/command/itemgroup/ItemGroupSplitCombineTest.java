package io.waybill.command.itemgroup;

import io.waybill.api.itemgroup.SplitView;
import io.waybill.api.LineStatus;
import io.waybill.api.itemgroup.CombineItemGroups;
import io.waybill.api.itemgroup.ItemGroupAbsorbed;
import io.waybill.api.itemgroup.ItemGroupCanceled;
import io.waybill.api.itemgroup.ItemGroupCombinedInto;
import io.waybill.api.itemgroup.ItemGroupCreated;
import io.waybill.api.itemgroup.ItemGroupShipped;
import io.waybill.api.itemgroup.ItemGroupSplit;
import io.waybill.api.itemgroup.ItemGroupTrackingNumberChanged;
import io.waybill.api.itemgroup.ItemGroupView;
import io.waybill.api.itemgroup.SplitItemGroup;
import io.waybill.api.itemgroup.SplitPart;
import io.waybill.command.registry.RegistryEntry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.waybill.api.ErrorCode.CONFLICT;
import static io.waybill.api.ErrorCode.INVALID_TRANSITION;
import static io.waybill.api.ErrorCode.NOT_FOUND;
import static io.waybill.api.ErrorCode.VALIDATION_FAILED;
import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;
import static io.waybill.command.itemgroup.ItemGroupPatchBuilder.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.matches;

class ItemGroupSplitCombineTest extends ItemGroupTestBase {

    private static final String OTHER_ITEM = "item-2";
    private static final List<SplitPart> PARTS = List.of(new SplitPart("group-2", qty("4"), "lot-2"),
            new SplitPart("group-3", qty("3"), "lot-3"));

    @Test
    void givenGroupOf10_whenSplitKeeping3_thenSplitAndOneCreatedGroupPerPart() {
        givenGroup()
                .when(new SplitItemGroup(GROUP, ORG, null, qty("3"), PARTS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ItemGroupSplit(GROUP, qty("10"), qty("3"), PARTS))
                .expectResultMessagePayloadMatching(matches((SplitView split) ->
                        split.data().stream().map(ItemGroupView::id).toList().equals(List.of(GROUP, "group-2", "group-3"))
                                && split.data().stream().map(ItemGroupView::quantity).reduce(BigDecimal::add)
                                .orElseThrow().compareTo(qty("10")) == 0));

        assertThat(side.events(ORG, "group-2")).containsExactly(new ItemGroupCreated("group-2", ORG, ORDER, ITEM,
                details().withQuantity(qty("4")).withUniqueName("lot-2"), GROUP));
        assertThat(side.events(ORG, "group-3")).containsExactly(new ItemGroupCreated("group-3", ORG, ORDER, ITEM,
                details().withQuantity(qty("3")).withUniqueName("lot-3"), GROUP));
        assertThat(registry.liveChildren(ORG, ItemGroups.KIND, ITEM)).containsExactly(GROUP, "group-2", "group-3");
    }

    @Test
    void givenGroupOf10_whenSplitQuantitiesAddUpTo9_thenValidationFailed() {
        givenGroup()
                .when(new SplitItemGroup(GROUP, ORG, null, qty("2"), PARTS))
                .expectException(domainError(VALIDATION_FAILED, "field", "quantities"))
                .expectNoEvents();

        assertThat(side.events(ORG, "group-2")).isEmpty();
        assertThat(registry.find(ORG, "group-2")).isEmpty();
    }

    @Test
    void givenCanceledGroup_whenSplit_thenInvalidTransition() {
        givenGroup(patch().status(LineStatus.CANCELED))
                .when(new SplitItemGroup(GROUP, ORG, null, qty("3"), PARTS))
                .expectException(domainError(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void givenGroupAtVersion2_whenSplitExpectsVersion1_thenConflict() {
        givenGroup(patch().trackingNumber("1Z999"))
                .when(new SplitItemGroup(GROUP, ORG, 1L, qty("3"), PARTS))
                .expectException(domainError(CONFLICT, "currentVersion", 2L))
                .expectNoEvents();
    }

    @Test
    void givenTwoOtherGroupsOfTheItem_whenCombined_thenEachCombinedIntoAndAbsorbedWithSummedQuantity() {
        givenOtherGroup("group-2", ITEM, ORG, "5");
        givenOtherGroup("group-3", ITEM, ORG, "2");

        givenGroup()
                .when(new CombineItemGroups(GROUP, ORG, List.of("group-2", "group-3")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ItemGroupAbsorbed(GROUP, "group-2", qty("5"), qty("15")),
                        new ItemGroupAbsorbed(GROUP, "group-3", qty("2"), qty("17")))
                .expectResultMessagePayloadMatching(matches((ItemGroupView view) ->
                        view.quantity().compareTo(qty("17")) == 0));

        assertThat(side.events(ORG, "group-2")).last().isEqualTo(new ItemGroupCombinedInto("group-2", GROUP, qty("5")));
        assertThat(side.events(ORG, "group-3")).last().isEqualTo(new ItemGroupCombinedInto("group-3", GROUP, qty("2")));
        assertThat(registry.liveChildren(ORG, ItemGroups.KIND, ITEM)).containsExactly(GROUP);
    }

    @Test
    void givenGroupOfAnotherItem_whenCombined_thenValidationFailedAndNothingChanges() {
        givenOtherGroup("group-2", OTHER_ITEM, ORG, "5");

        givenGroup()
                .when(new CombineItemGroups(GROUP, ORG, List.of("group-2")))
                .expectException(domainError(VALIDATION_FAILED, "id", "group-2"))
                .expectNoEvents();

        assertThat(side.events(ORG, "group-2")).hasSize(1);
        assertThat(registry.find(ORG, "group-2")).map(RegistryEntry::deleted).contains(false);
    }

    @Test
    void givenOneFittingAndOneUnfittingGroup_whenCombined_thenNoGroupIsCombined() {
        givenOtherGroup("group-2", ITEM, ORG, "5");
        givenOtherGroup("group-3", OTHER_ITEM, ORG, "2");

        givenGroup()
                .when(new CombineItemGroups(GROUP, ORG, List.of("group-2", "group-3")))
                .expectException(domainError(VALIDATION_FAILED))
                .expectNoEvents();

        assertThat(side.events(ORG, "group-2")).hasSize(1);
    }

    @Test
    void givenGroupOfAnotherOrganisation_whenCombined_thenNotFound() {
        givenOtherGroup("group-2", ITEM, OTHER_ORG, "5");

        givenGroup()
                .when(new CombineItemGroups(GROUP, ORG, List.of("group-2")))
                .expectException(domainError(NOT_FOUND, "id", "group-2"))
                .expectNoEvents();
    }

    @Test
    void givenCanceledOtherGroup_whenCombined_thenInvalidTransition() {
        givenOtherGroup("group-2", ITEM, ORG, "5");
        side.given(ORG, "group-2", new ItemGroupCanceled("group-2"));

        givenGroup()
                .when(new CombineItemGroups(GROUP, ORG, List.of("group-2")))
                .expectException(domainError(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void givenAShippedGroupAndAnUnshippedOne_whenCombined_thenInvalidTransitionAndNothingChanges() {
        givenOtherGroup("group-2", ITEM, ORG, "2");
        side.given(ORG, "group-2", new ItemGroupShipped("group-2", LocalDate.of(2026, 11, 25)),
                new ItemGroupTrackingNumberChanged("group-2", null, "1Z999"));

        givenGroup()
                .when(new CombineItemGroups(GROUP, ORG, List.of("group-2")))
                .expectException(domainError(INVALID_TRANSITION, "id", "group-2"))
                .expectNoEvents();

        assertThat(registry.find(ORG, "group-2")).map(RegistryEntry::deleted).contains(false);
    }

    @Test
    void cannotCombineGroupWithItself() {
        givenGroup()
                .when(new CombineItemGroups(GROUP, ORG, List.of(GROUP)))
                .expectException(domainError(VALIDATION_FAILED, "field", "itemGroupIds"))
                .expectNoEvents();
    }

    private void givenOtherGroup(String sid, String itemSid, String orgId, String quantity) {
        registry.register(sid, orgId, ItemGroups.KIND, itemSid, sid);
        side.given(orgId, sid, new ItemGroupCreated(sid, orgId, ORDER, itemSid,
                details().withQuantity(qty(quantity)).withUniqueName(sid), null));
    }
}
