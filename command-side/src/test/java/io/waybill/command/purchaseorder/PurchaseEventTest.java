package io.waybill.command.purchaseorder;

import io.waybill.api.ErrorCode;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.purchaseorder.LineQuantity;
import io.waybill.api.purchaseorder.PurchaseEvent;
import io.waybill.api.purchaseorder.PurchaseEventAnswer;
import io.waybill.api.purchaseorder.PurchaseEventDetails;
import io.waybill.api.purchaseorder.PurchaseEventType;
import io.waybill.api.purchaseorder.PurchaseLineAdjusted;
import io.waybill.api.purchaseorder.PurchaseLineDivided;
import io.waybill.api.purchaseorder.PurchaseLinesCanceled;
import io.waybill.api.purchaseorder.PurchaseLinesCombined;
import io.waybill.api.purchaseorder.PurchaseLinesInvoiced;
import io.waybill.api.purchaseorder.PurchaseLinesNoted;
import io.waybill.api.purchaseorder.PurchaseLinesRescheduled;
import io.waybill.api.purchaseorder.PurchaseLinesShipped;
import io.waybill.api.purchaseorder.PurchaseLinesSnoozed;
import io.waybill.api.purchaseorder.PurchaseOrderCreated;
import io.waybill.api.purchaseorder.PurchaseOrderFullyReceived;
import io.waybill.api.purchaseorder.PurchaseOrderInTransit;
import io.waybill.api.purchaseorder.PurchaseOrderItemView;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.PurchaseOrderLocked;
import io.waybill.api.purchaseorder.PurchaseOrderPartlyReceived;
import io.waybill.api.purchaseorder.PurchaseOrderPlaced;
import io.waybill.api.purchaseorder.PurchaseOrderReceipt;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptRecorded;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.ReceiptLine;
import io.waybill.api.purchaseorder.ReceivePurchaseOrder;
import io.waybill.api.purchaseorder.RecordPurchaseEvent;
import io.waybill.api.purchaseorder.TargetType;
import io.waybill.platform.axon.MessageMetadata;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.DETAILS;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.DOCK;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.NOW;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.ORG;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.PO;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.STEEL;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.STEEL_LINE;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.TODAY;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.YARD;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.BOLT;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.created;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.placed;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.posted;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.posting;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.qty;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.receiptPosted;

/**
 * Purchase events on an order's lines: each type's rule, what it does to stock, and what it refuses; and a receipt at
 * another location than the ship-to one.
 */
class PurchaseEventTest {

    private static final String BUYER = "user-buyer";
    private static final Map<String, ?> AS_BUYER = Map.of(MessageMetadata.ACTOR, BUYER);
    private static final LocalDate LATER = LocalDate.of(2027, 1, 15);

    private AggregateTestFixture<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = PurchaseOrderFixtures.setUp().fixture();
    }

    @Test
    void aShipmentCountsEachLinesRemainderAndMovesAPlacedOrderInTransit() {
        PurchaseEvent shipped = event("e-1", PurchaseEventType.SHIPPED, details(null).tracking("1Z999", "UPS"));
        fixture.given(placed())
                .when(record(shipped), AS_BUYER)
                .expectEvents(new PurchaseLinesShipped(PO, shipped, List.of(new LineQuantity("line-1", qty("100")))),
                        new PurchaseOrderInTransit(PO, NOW))
                .expectResultMessagePayloadMatching(answer(a -> a.purchaseOrder().status()
                        == PurchaseOrderStatus.IN_TRANSIT && line(a).quantityShipped().compareTo(qty("100")) == 0
                        && "1Z999".equals(line(a).trackingNumber()) && BUYER.equals(a.purchaseEvent().createdBy())));
        PurchaseEvent part = event("e-2", PurchaseEventType.SHIPPED, details("40"));
        fixture.given(placed(new PurchaseOrderInTransit(PO, NOW)))
                .when(record(part), AS_BUYER)
                .expectEvents(new PurchaseLinesShipped(PO, part, List.of(new LineQuantity("line-1", qty("40")))));
        fixture.given(created())
                .when(record(event("e-3", PurchaseEventType.SHIPPED, details(null))), AS_BUYER)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(placed(new PurchaseLinesShipped(PO, shipped, List.of(new LineQuantity("line-1", qty("100"))))))
                .when(record(event("e-4", PurchaseEventType.SHIPPED, details(null))), AS_BUYER)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void anInvoiceCountsItsQuantityAndAddsItsAmountToTheOrder() {
        PurchaseEvent invoiced = event("e-1", PurchaseEventType.INVOICED, new Details().quantity("30")
                .invoice("INV-7", "75.00").paid("10"));
        fixture.given(placed())
                .when(record(invoiced), AS_BUYER)
                .expectEvents(new PurchaseLinesInvoiced(PO, invoiced, List.of(new LineQuantity("line-1", qty("30")))))
                .expectResultMessagePayloadMatching(answer(a -> a.purchaseOrder().amountInvoiced()
                        .compareTo(qty("75")) == 0 && a.purchaseOrder().amountPaid().compareTo(qty("10")) == 0
                        && line(a).quantityInvoiced().compareTo(qty("30")) == 0));
    }

    @Test
    void cancelingOrVoidingALineTakesItsQuantityOffAndReleasesWhatWasOnOrder() {
        PurchaseOrderLine sixty = new PurchaseOrderLine("line-1", STEEL, qty("60"), qty("2.5"));
        PurchaseEvent canceled = event("e-1", PurchaseEventType.CANCELED, details("40"));
        fixture.given(placed())
                .when(record(canceled), AS_BUYER)
                .expectEvents(new PurchaseLinesCanceled(PO, canceled, List.of(new LineQuantity("line-1", qty("40")))),
                        posted(TODAY, posting(1, EntryType.RELEASE_ORDER, sixty, "40")))
                .expectResultMessagePayloadMatching(answer(a -> line(a).quantity().compareTo(qty("60")) == 0
                        && line(a).quantityCanceled().compareTo(qty("40")) == 0));
        PurchaseEvent voided = event("e-2", PurchaseEventType.VOIDED, details(null));
        fixture.given(placed())
                .when(record(voided), AS_BUYER)
                .expectEvents(new PurchaseLinesCanceled(PO, voided, List.of(new LineQuantity("line-1", qty("100")))),
                        posted(TODAY, posting(1, EntryType.RELEASE_ORDER, STEEL_LINE, "100")));
        fixture.given(placed())
                .when(record(event("e-3", PurchaseEventType.CANCELED, details("101"))), AS_BUYER)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED));
        fixture.given(created())
                .when(record(event("e-4", PurchaseEventType.CANCELED, details(null))), AS_BUYER)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void cancelingTheRestOfAPartlyReceivedOrderLeavesItReceived() {
        PurchaseOrderReceipt receipt = new PurchaseOrderReceipt("r-1", TODAY, DOCK, null, false,
                List.of(new ReceiptLine("line-1", qty("60"))));
        PurchaseEvent canceled = event("e-1", PurchaseEventType.CANCELED, details(null));
        PurchaseOrderLine sixty = new PurchaseOrderLine("line-1", STEEL, qty("60"), qty("2.5"));
        fixture.given(placed(new PurchaseOrderReceiptRecorded(PO, receipt),
                        receiptPosted("r-1", posting(1, EntryType.RECEIVE, STEEL_LINE, "60")),
                        new PurchaseOrderPartlyReceived(PO, NOW)))
                .when(record(canceled), AS_BUYER)
                .expectEvents(new PurchaseLinesCanceled(PO, canceled, List.of(new LineQuantity("line-1", qty("40")))),
                        posted(TODAY, posting(2, EntryType.RELEASE_ORDER, sixty, "40")),
                        new PurchaseOrderFullyReceived(PO, NOW));
    }

    @Test
    void aReceiptAtAnotherLocationReleasesWhatIsOnOrderAtTheShipToLocationAndTakesItInWhereItArrived() {
        PurchaseOrderReceipt receipt = new PurchaseOrderReceipt("r-1", TODAY, YARD, null, false,
                List.of(new ReceiptLine("line-1", qty("40"))));
        fixture.given(placed())
                .when(new ReceivePurchaseOrder(PO, ORG, receipt))
                .expectEvents(new PurchaseOrderReceiptRecorded(PO, receipt),
                        receiptPosted("r-1", posting(1, EntryType.RELEASE_ORDER, STEEL_LINE, "40"),
                                posting(2, EntryType.ORDER, STEEL_LINE, YARD, "40"),
                                posting(3, EntryType.RECEIVE, STEEL_LINE, YARD, "40")),
                        new PurchaseOrderPartlyReceived(PO, NOW));
        fixture.given(placed())
                .when(new ReceivePurchaseOrder(PO, ORG, new PurchaseOrderReceipt("r-2", TODAY, "nowhere", null, false,
                        List.of(new ReceiptLine("line-1", qty("40"))))))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void aDivideSplitsOffAnotherLineOfTheSameItemAndMovesWhatIsOnOrderWithIt() {
        PurchaseEvent divide = event("e-1", PurchaseEventType.DIVIDE, new Details().divide("30"));
        PurchaseOrderLine seventy = new PurchaseOrderLine("line-1", STEEL, qty("70"), qty("2.5"));
        PurchaseOrderLine divided = new PurchaseOrderLine(PurchaseEventCommands.dividedLineId(PO, "e-1"), STEEL,
                qty("30"), qty("2.5"));
        fixture.given(placed())
                .when(record(divide), AS_BUYER)
                .expectEvents(new PurchaseLineDivided(PO, divide, divided),
                        posted(TODAY, posting(1, EntryType.RELEASE_ORDER, seventy, "30"),
                                posting(2, EntryType.ORDER, divided, "30")))
                .expectResultMessagePayloadMatching(answer(a -> a.items().size() == 2
                        && a.items().get(0).quantity().compareTo(qty("70")) == 0
                        && a.items().get(1).quantity().compareTo(qty("30")) == 0));
        fixture.given(placed())
                .when(record(event("e-2", PurchaseEventType.DIVIDE, new Details().divide("100"))), AS_BUYER)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void combiningLinesOfOneItemKeepsTheFirstWithTheirSum() {
        PurchaseOrderLine more = new PurchaseOrderLine("line-2", STEEL, qty("50"), qty("2.5"));
        PurchaseOrderLine bolts = new PurchaseOrderLine("line-3", BOLT, qty("5"), qty("2.5"));
        PurchaseEvent combine = new PurchaseEvent("e-1", PurchaseEventType.COMBINE, List.of("line-1", "line-2"),
                new Details().build(), BUYER);
        List<Object> placedTwo = List.of(new PurchaseOrderCreated(PO, ORG, "PO-000001", TargetType.MATERIALS,
                        DETAILS, List.of(STEEL_LINE, more, bolts)), new PurchaseOrderPlaced(PO, NOW),
                posted(TODAY, posting(0, EntryType.ORDER, STEEL_LINE, "100"), posting(1, EntryType.ORDER, more, "50"),
                        posting(2, EntryType.ORDER, bolts, "5")));
        fixture.given(placedTwo)
                .when(record(combine), AS_BUYER)
                .expectEvents(new PurchaseLinesCombined(PO, combine, qty("150")),
                        posted(TODAY, posting(3, EntryType.RELEASE_ORDER, new PurchaseOrderLine("line-2", STEEL,
                                BigDecimal.ZERO, qty("2.5")), "50"), posting(4, EntryType.ORDER,
                                new PurchaseOrderLine("line-1", STEEL, qty("150"), qty("2.5")), "50")))
                .expectResultMessagePayloadMatching(answer(a -> a.items().size() == 1
                        && line(a).quantity().compareTo(qty("150")) == 0));
        fixture.given(placedTwo)
                .when(record(new PurchaseEvent("e-2", PurchaseEventType.COMBINE, List.of("line-1", "line-3"),
                        new Details().build(), null)), AS_BUYER)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void anAdjustmentSetsTheLinesQuantityButNotBelowWhatWasReceived() {
        PurchaseEvent adjusted = event("e-1", PurchaseEventType.ADJUSTED, details("120"));
        PurchaseOrderLine more = new PurchaseOrderLine("line-1", STEEL, qty("120"), qty("2.5"));
        fixture.given(placed())
                .when(record(adjusted), AS_BUYER)
                .expectEvents(new PurchaseLineAdjusted(PO, adjusted, more),
                        posted(TODAY, posting(1, EntryType.ORDER, more, "20")));
        PurchaseOrderReceipt receipt = new PurchaseOrderReceipt("r-1", TODAY, DOCK, null, false,
                List.of(new ReceiptLine("line-1", qty("60"))));
        fixture.given(placed(new PurchaseOrderReceiptRecorded(PO, receipt),
                        receiptPosted("r-1", posting(1, EntryType.RECEIVE, STEEL_LINE, "60"))))
                .when(record(event("e-2", PurchaseEventType.ADJUSTED, details("50"))), AS_BUYER)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void delaysReschedulesAndConfirmationsMoveTheExpectedDatesAndASnoozeIsKept() {
        for (PurchaseEventType type : List.of(PurchaseEventType.DELAYED, PurchaseEventType.RESCHEDULE,
                PurchaseEventType.CONFIRM)) {
            PurchaseEvent moved = event("e-" + type.value(), type, new Details().expected(LATER));
            fixture.given(placed())
                    .when(record(moved), AS_BUYER)
                    .expectEvents(new PurchaseLinesRescheduled(PO, moved))
                    .expectResultMessagePayloadMatching(answer(a -> LATER.equals(line(a).expectedDelivery())));
        }
        PurchaseEvent snoozed = event("e-1", PurchaseEventType.SNOOZED, new Details().snooze(LATER));
        fixture.given(placed())
                .when(record(snoozed), AS_BUYER)
                .expectEvents(new PurchaseLinesSnoozed(PO, snoozed))
                .expectResultMessagePayloadMatching(answer(a -> LATER.equals(line(a).snoozedUntil())));
        PurchaseEvent request = event("e-2", PurchaseEventType.RESCHEDULE_REQUEST, new Details().expected(LATER));
        fixture.given(placed())
                .when(record(request), AS_BUYER)
                .expectEvents(new PurchaseLinesNoted(PO, request))
                .expectResultMessagePayloadMatching(answer(a -> line(a).expectedDelivery() == null));
    }

    @Test
    void theOtherTypesAreKeptOnTheHistoryAndTrackingSetsTheLinesTracking() {
        for (PurchaseEventType type : List.of(PurchaseEventType.NOTE, PurchaseEventType.TRACK,
                PurchaseEventType.DELIVERED, PurchaseEventType.DELIVERY_ATTEMPT, PurchaseEventType.RETURN_REQUEST,
                PurchaseEventType.RETURN, PurchaseEventType.IMPORTED, PurchaseEventType.IGNORED)) {
            PurchaseEvent noted = event("e-" + type.value(), type, new Details().tracking("TRK-1", "DHL"));
            fixture.given(placed())
                    .when(record(noted), AS_BUYER)
                    .expectEvents(new PurchaseLinesNoted(PO, noted))
                    .expectResultMessagePayloadMatching(answer(a -> "DHL".equals(line(a).carrier())));
        }
    }

    @Test
    void receivedIsRefusedInFavourOfReceipts() {
        fixture.given(placed())
                .when(record(event("e-1", PurchaseEventType.RECEIVED, details("10"))), AS_BUYER)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void theSameEventAgainChangesNothingAndAnotherWithItsIdIsAConflict() {
        PurchaseEvent note = event("e-1", PurchaseEventType.NOTE, new Details().notes("called the vendor"));
        fixture.given(placed(new PurchaseLinesNoted(PO, note)))
                .when(record(note), Map.of(MessageMetadata.ACTOR, "someone-else"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(answer(a -> BUYER.equals(a.purchaseEvent().createdBy())));
        fixture.given(placed(new PurchaseLinesNoted(PO, note)))
                .when(record(event("e-1", PurchaseEventType.NOTE, new Details().notes("another"))), AS_BUYER)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void aLockedOrderAndAnUnknownLineAreRefused() {
        fixture.given(placed(new PurchaseOrderLocked(PO, "admin", NOW)))
                .when(record(event("e-1", PurchaseEventType.NOTE, new Details().notes("n"))), AS_BUYER)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(placed())
                .when(record(new PurchaseEvent("e-2", PurchaseEventType.NOTE, List.of("line-9"),
                        new Details().notes("n").build(), null)), AS_BUYER)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    private static RecordPurchaseEvent record(PurchaseEvent event) {
        return new RecordPurchaseEvent(PO, ORG, new PurchaseEvent(event.id(), event.type(), event.lineIds(),
                event.details(), null));
    }

    /** The event on line-1, recorded by the buyer. */
    private static PurchaseEvent event(String id, PurchaseEventType type, Details details) {
        return new PurchaseEvent(id, type, List.of("line-1"), details.build(), BUYER);
    }

    private static Details details(String quantity) {
        return new Details().quantity(quantity);
    }

    private static PurchaseOrderItemView line(PurchaseEventAnswer answer) {
        return answer.items().get(0);
    }

    private static Matcher<Object> answer(Predicate<PurchaseEventAnswer> expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof PurchaseEventAnswer answer && expected.test(answer);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the expected answer to a purchase event");
            }
        };
    }

    /** The details of an event, field by field. */
    private static final class Details {
        private final List<Object> fields = new ArrayList<>(java.util.Collections.nCopies(15, null));

        Details quantity(String quantity) {
            return set(0, quantity == null ? null : qty(quantity));
        }

        Details tracking(String number, String carrier) {
            return set(1, number).set(2, carrier);
        }

        Details expected(LocalDate date) {
            return set(3, date);
        }

        Details invoice(String number, String amount) {
            return set(5, number).set(6, qty(amount));
        }

        Details paid(String lineTotal) {
            return set(7, qty(lineTotal));
        }

        Details notes(String notes) {
            return set(12, notes);
        }

        Details snooze(LocalDate until) {
            return set(13, until);
        }

        Details divide(String quantity) {
            return set(14, qty(quantity));
        }

        PurchaseEventDetails build() {
            return new PurchaseEventDetails((BigDecimal) fields.get(0), (String) fields.get(1),
                    (String) fields.get(2), (LocalDate) fields.get(3), (LocalDate) fields.get(4),
                    (String) fields.get(5), (BigDecimal) fields.get(6), (BigDecimal) fields.get(7),
                    (BigDecimal) fields.get(8), (BigDecimal) fields.get(9), (BigDecimal) fields.get(10),
                    (BigDecimal) fields.get(11), (String) fields.get(12), (LocalDate) fields.get(13),
                    (BigDecimal) fields.get(14));
        }

        private Details set(int field, Object value) {
            fields.set(field, value);
            return this;
        }
    }
}
