package io.waybill.command.itemgroup;

import io.waybill.api.LineStatus;
import io.waybill.api.itemgroup.ItemGroupArrivalEstimated;
import io.waybill.api.itemgroup.ItemGroupConfirmed;
import io.waybill.api.itemgroup.ItemGroupDelivered;
import io.waybill.api.itemgroup.ItemGroupDeliveryReverted;
import io.waybill.api.itemgroup.ItemGroupLastUpdateDateChanged;
import io.waybill.api.itemgroup.ItemGroupQuantityChanged;
import io.waybill.api.itemgroup.ItemGroupRescheduled;
import io.waybill.api.itemgroup.ItemGroupShipDateChanged;
import io.waybill.api.itemgroup.ItemGroupShipmentReverted;
import io.waybill.api.itemgroup.ItemGroupShipped;
import io.waybill.api.itemgroup.ItemGroupTrackingNumberChanged;
import io.waybill.api.itemgroup.ItemGroupView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static io.waybill.api.ErrorCode.INVALID_TRANSITION;
import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;
import static io.waybill.command.itemgroup.ItemGroupPatchBuilder.patch;
import static org.axonframework.test.matchers.Matchers.matches;

class ItemGroupShipmentTest extends ItemGroupTestBase {

    private static final LocalDate SHIP_DATE = LocalDate.of(2025, 2, 20);
    private static final LocalDate DELIVERY_DATE = LocalDate.of(2025, 2, 27);
    private static final Instant CONFIRMED_AT = Instant.parse("2025-02-10T09:00:00Z");

    @Test
    void givenUnshippedGroup_whenShipped_thenItemGroupShipped() {
        givenGroup()
                .when(update(patch().shipped(true).shipDate(SHIP_DATE)))
                .expectEvents(new ItemGroupShipped(GROUP, SHIP_DATE))
                .expectResultMessagePayloadMatching(matches((ItemGroupView view) -> view.shipped()
                        && !view.delivered() && SHIP_DATE.equals(view.shipDate())));
    }

    @Test
    void givenUnshippedGroup_whenDelivered_thenShippedAndThenDelivered() {
        givenGroup()
                .when(update(patch().delivered(true).deliveryDate(DELIVERY_DATE)))
                .expectEvents(new ItemGroupShipped(GROUP, null), new ItemGroupDelivered(GROUP, DELIVERY_DATE))
                .expectResultMessagePayloadMatching(matches((ItemGroupView view) -> view.shipped()
                        && view.delivered()));
    }

    @Test
    void givenShippedGroup_whenDelivered_thenItemGroupDelivered() {
        givenGroup(patch().shipped(true).shipDate(SHIP_DATE))
                .when(update(patch().delivered(true).deliveryDate(DELIVERY_DATE)))
                .expectEvents(new ItemGroupDelivered(GROUP, DELIVERY_DATE));
    }

    @Test
    void cannotMarkGroupDeliveredWhileSayingItIsNotShipped() {
        givenGroup()
                .when(update(patch().shipped(false).delivered(true)))
                .expectException(domainError(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void givenCanceledGroup_whenShipped_thenInvalidTransition() {
        givenGroup(patch().status(LineStatus.CANCELED))
                .when(update(patch().shipped(true)))
                .expectException(domainError(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void givenCanceledGroup_whenDelivered_thenInvalidTransition() {
        givenGroup(patch().status(LineStatus.CANCELED))
                .when(update(patch().delivered(true)))
                .expectException(domainError(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void givenShippedGroup_whenShipDateMoves_thenShipDateChangedNotShippedAgain() {
        givenGroup(patch().shipped(true).shipDate(SHIP_DATE))
                .when(update(patch().shipDate(SHIP_DATE.plusDays(1))))
                .expectEvents(new ItemGroupShipDateChanged(GROUP, SHIP_DATE, SHIP_DATE.plusDays(1)));
    }

    @Test
    void givenShippedGroup_whenShippedFalse_thenShipmentReverted() {
        givenGroup(patch().shipped(true))
                .when(update(patch().shipped(false)))
                .expectEvents(new ItemGroupShipmentReverted(GROUP));
    }

    @Test
    void givenDeliveredGroup_whenDeliveredFalse_thenDeliveryReverted() {
        givenGroup(patch().delivered(true))
                .when(update(patch().delivered(false)))
                .expectEvents(new ItemGroupDeliveryReverted(GROUP));
    }

    @Test
    void givenGroup_whenDueDateMoves_thenItemGroupRescheduled() {
        givenGroup()
                .when(update(patch().dueDate(DUE.plusWeeks(2))))
                .expectEvents(new ItemGroupRescheduled(GROUP, DUE, DUE.plusWeeks(2)));
    }

    @Test
    void givenGroup_whenQuantityChanges_thenItemGroupQuantityChanged() {
        givenGroup()
                .when(update(patch().quantity("12.5")))
                .expectEvents(new ItemGroupQuantityChanged(GROUP, qty("10"), qty("12.5")));
    }

    @Test
    void givenGroup_whenTrackingNumberSet_thenItemGroupTrackingNumberChanged() {
        givenGroup()
                .when(update(patch().trackingNumber("1Z999")))
                .expectEvents(new ItemGroupTrackingNumberChanged(GROUP, null, "1Z999"));
    }

    @Test
    void givenGroup_whenArrivalEstimated_thenItemGroupArrivalEstimated() {
        givenGroup()
                .when(update(patch().estimatedArrivalDate(DELIVERY_DATE)))
                .expectEvents(new ItemGroupArrivalEstimated(GROUP, null, DELIVERY_DATE));
    }

    @Test
    void givenGroup_whenConfirmedWithoutChanges_thenItemGroupConfirmed() {
        givenGroup()
                .when(update(patch().confirmed()))
                .expectEvents(new ItemGroupConfirmed(GROUP, null));
    }

    @Test
    void givenGroup_whenConfirmedWithLastUpdateDate_thenConfirmedRatherThanLastUpdateDateChanged() {
        givenGroup()
                .when(update(patch().confirmed().lastUpdateDate(CONFIRMED_AT)))
                .expectEvents(new ItemGroupConfirmed(GROUP, CONFIRMED_AT));
    }

    @Test
    void givenGroup_whenLastUpdateDateSetWithoutConfirming_thenLastUpdateDateChanged() {
        givenGroup()
                .when(update(patch().lastUpdateDate(CONFIRMED_AT)))
                .expectEvents(new ItemGroupLastUpdateDateChanged(GROUP, null, CONFIRMED_AT));
    }

    @Test
    void givenGroup_whenSeveralFieldsChange_thenOneEventEachInOrder() {
        givenGroup()
                .when(update(patch().trackingNumber("1Z999").shipped(true).shipDate(SHIP_DATE).quantity("8")
                        .dueDate(DUE.minusDays(3))))
                .expectEvents(new ItemGroupQuantityChanged(GROUP, qty("10"), qty("8")),
                        new ItemGroupRescheduled(GROUP, DUE, DUE.minusDays(3)),
                        new ItemGroupShipped(GROUP, SHIP_DATE),
                        new ItemGroupTrackingNumberChanged(GROUP, null, "1Z999"));
    }
}
