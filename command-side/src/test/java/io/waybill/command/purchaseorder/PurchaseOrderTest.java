package io.waybill.command.purchaseorder;

import io.waybill.api.Change;
import io.waybill.api.ErrorCode;
import io.waybill.api.purchaseorder.AddPurchaseOrderItem;
import io.waybill.api.purchaseorder.DeletePurchaseOrderReceipt;
import io.waybill.api.purchaseorder.PlanReceiptDeletion;
import io.waybill.api.purchaseorder.ReceiptDeletionPlan;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptDeleted;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptRestored;
import io.waybill.api.purchaseorder.PurchaseOrderReopened;
import io.waybill.api.purchaseorder.RestorePurchaseOrderReceipt;
import io.waybill.api.purchaseorder.ControlPurchaseOrder;
import io.waybill.api.purchaseorder.PurchaseOrderApproved;
import io.waybill.api.purchaseorder.PurchaseOrderArchived;
import io.waybill.api.purchaseorder.PurchaseOrderClosed;
import io.waybill.api.purchaseorder.PurchaseOrderControl;
import io.waybill.api.purchaseorder.PurchaseOrderLocked;
import io.waybill.api.purchaseorder.PurchaseOrderSent;
import io.waybill.api.purchaseorder.PurchaseOrderUnlocked;
import io.waybill.api.purchaseorder.PurchaseOrderVoided;
import io.waybill.api.purchaseorder.CreatePurchaseOrder;
import io.waybill.api.purchaseorder.DeletePurchaseOrder;
import io.waybill.api.purchaseorder.PurchaseOrderAnswer;
import io.waybill.api.purchaseorder.PurchaseOrderCancelled;
import io.waybill.api.purchaseorder.PurchaseOrderChanged;
import io.waybill.api.purchaseorder.PurchaseOrderCreated;
import io.waybill.api.purchaseorder.PurchaseOrderDeleted;
import io.waybill.api.purchaseorder.PurchaseOrderDetails;
import io.waybill.api.purchaseorder.PurchaseOrderInTransit;
import io.waybill.api.purchaseorder.PurchaseOrderItemAdded;
import io.waybill.api.purchaseorder.PurchaseOrderItemChanged;
import io.waybill.api.purchaseorder.PurchaseOrderItemRemoved;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.PurchaseOrderPaid;
import io.waybill.api.purchaseorder.PurchaseOrderPatch;
import io.waybill.api.purchaseorder.PurchaseOrderPlaced;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.ReceivePurchaseOrder;
import io.waybill.api.purchaseorder.ReceiptLine;
import io.waybill.api.purchaseorder.PurchaseOrderFullyReceived;
import io.waybill.api.purchaseorder.PurchaseOrderPartlyReceived;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptRecorded;
import io.waybill.api.purchaseorder.PurchaseOrderReceipt;
import io.waybill.api.purchaseorder.PurchaseOrderStockPosted;
import io.waybill.api.inventory.StockPosting;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.purchaseorder.PurchaseOrderView;
import io.waybill.api.purchaseorder.RemovePurchaseOrderItem;
import io.waybill.api.purchaseorder.TargetType;
import io.waybill.api.purchaseorder.UpdatePurchaseOrder;
import io.waybill.api.purchaseorder.UpdatePurchaseOrderItem;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.support.Counters;
import io.waybill.platform.axon.MessageMetadata;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.APPROVING_ORG;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.BOLT;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.DETAILS;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.DOCK;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.NOW;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.ORG;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.OTHER_VENDOR;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.PO;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.STEEL;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.STEEL_LINE;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.TODAY;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.VENDOR;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.WIDGET;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.created;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.placed;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.posted;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.posting;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.qty;
import static io.waybill.command.purchaseorder.PurchaseOrderFixtures.receiptPosted;
import static org.assertj.core.api.Assertions.assertThat;

class PurchaseOrderTest {

    private static final String ADMIN = "user-admin";

    private AggregateTestFixture<PurchaseOrder> fixture;
    private JdbcTemplate jdbc;
    private CatalogReferences references;

    @BeforeEach
    void setUp() {
        PurchaseOrderFixtures.Setup setup = PurchaseOrderFixtures.setUp();
        fixture = setup.fixture();
        jdbc = setup.jdbc();
        references = setup.references();
    }

    @Test
    void aPurchaseOrderIsCreatedInPlanningWithTheNextNumberOfItsOrganisation() {
        new Counters(jdbc).next(ORG, "PO");
        fixture.givenNoPriorActivity()
                .when(create(List.of(STEEL_LINE)))
                .expectEvents(new PurchaseOrderCreated(PO, ORG, "PO-000002", TargetType.MATERIALS, DETAILS,
                        List.of(STEEL_LINE)))
                .expectResultMessagePayloadMatching(answer(PurchaseOrderStatus.PLANNING, 1));
        assertThat(references.uses(VENDOR).count()).isEqualTo(1);
        assertThat(references.uses(DOCK).count()).isEqualTo(1);
        assertThat(references.uses(STEEL).sample()).containsExactly(PO);
    }

    @Test
    void theSameCreateAgainAnswersTheOrderAndAnotherIsAConflict() {
        PurchaseOrderLine sameWithOtherId = new PurchaseOrderLine("line-x", STEEL, qty("100.0"), qty("2.50"));
        fixture.given(created())
                .when(create(List.of(sameWithOtherId)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(answer(PurchaseOrderStatus.PLANNING, 1));
        fixture.given(created())
                .when(create(List.of(new PurchaseOrderLine("line-1", STEEL, qty("99"), qty("2.5")))))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void aLineMustBeOfTheOrdersTargetTypeAndALiveCatalogRecord() {
        fixture.givenNoPriorActivity()
                .when(new CreatePurchaseOrder(PO, ORG, TargetType.MATERIALS, DETAILS,
                        List.of(new PurchaseOrderLine("line-1", WIDGET, qty("1"), null))))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
        fixture.given(created())
                .when(new AddPurchaseOrderItem(PO, ORG, new PurchaseOrderLine("line-2", WIDGET, qty("1"), null),
                        TargetType.FINISHED_GOODS))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void theLifecycleStepsAreEventsStampedByTheServerOrBackdatedByTheClient() {
        Instant yesterday = NOW.minusSeconds(86_400);
        fixture.given(created())
                .when(status(PurchaseOrderStatus.PLACED, yesterday))
                .expectEvents(new PurchaseOrderPlaced(PO, yesterday), posted(LocalDate.of(2026, 11, 29),
                        posting(0, EntryType.ORDER, STEEL_LINE, "100")))
                .expectResultMessagePayloadMatching(view(PurchaseOrderStatus.PLACED));
        fixture.given(created(), new PurchaseOrderPlaced(PO, NOW))
                .when(status(PurchaseOrderStatus.IN_TRANSIT, null))
                .expectEvents(new PurchaseOrderInTransit(PO, NOW));
        fixture.given(created())
                .when(status(PurchaseOrderStatus.CANCELLED, null))
                .expectEvents(new PurchaseOrderCancelled(PO, NOW));
        fixture.given(created())
                .when(status(PurchaseOrderStatus.PLACED, NOW.plusSeconds(60)))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aStepTheLifecycleDoesNotHaveIsRefusedNamingTheAllowedOnes() {
        fixture.given(created())
                .when(status(PurchaseOrderStatus.PAID, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION, "allowed", List.of("Placed", "Cancelled")));
        fixture.given(created(), new PurchaseOrderPlaced(PO, NOW))
                .when(status(PurchaseOrderStatus.RECEIVED, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(created(), new PurchaseOrderCancelled(PO, NOW))
                .when(status(PurchaseOrderStatus.PLACED, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void anOrderIsPlacedWithLinesAndAShipToLocation() {
        fixture.given(new PurchaseOrderCreated(PO, ORG, "PO-000001", TargetType.MATERIALS, DETAILS, List.of()))
                .when(status(PurchaseOrderStatus.PLACED, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        PurchaseOrderDetails nowhere = new PurchaseOrderDetails(VENDOR, null, null, null, null, null, null, null);
        fixture.given(new PurchaseOrderCreated(PO, ORG, "PO-000001", TargetType.MATERIALS, nowhere,
                        List.of(STEEL_LINE)))
                .when(status(PurchaseOrderStatus.PLACED, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void anOrganisationThatAsksForApprovalHasItsOrdersApprovedBeforeTheyArePlaced() {
        PurchaseOrderCreated created = new PurchaseOrderCreated(PO, APPROVING_ORG, "PO-000001", TargetType.MATERIALS,
                DETAILS, List.of(STEEL_LINE));
        fixture.given(created)
                .when(status(APPROVING_ORG, PurchaseOrderStatus.PLACED, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(created, new PurchaseOrderApproved(PO, ADMIN, NOW))
                .when(status(APPROVING_ORG, PurchaseOrderStatus.PLACED, null))
                .expectEvents(new PurchaseOrderPlaced(PO, NOW), new PurchaseOrderStockPosted(PO, APPROVING_ORG,
                        io.waybill.api.inventory.ItemKind.MATERIAL, TODAY,
                        List.of(posting(0, EntryType.ORDER, STEEL_LINE, "100"))));
    }

    @Test
    void whatIsOnOrderFollowsTheLinesOnceTheOrderIsPlacedAndCancellingReleasesTheRest() {
        PurchaseOrderLine bolts = new PurchaseOrderLine("line-2", BOLT, qty("50"), null);
        PurchaseOrderLine lowered = new PurchaseOrderLine("line-1", STEEL, qty("60"), qty("2.5"));
        fixture.given(placed())
                .when(new AddPurchaseOrderItem(PO, ORG, bolts, TargetType.MATERIALS))
                .expectEvents(new PurchaseOrderItemAdded(PO, bolts),
                        posted(TODAY, posting(1, EntryType.ORDER, bolts, "50")));
        fixture.given(placed())
                .when(new UpdatePurchaseOrderItem(PO, ORG, "line-1", null, null, qty("60"), null))
                .expectEvents(new PurchaseOrderItemChanged(PO, lowered, List.of("quantity")),
                        posted(TODAY, posting(1, EntryType.RELEASE_ORDER, lowered, "40")));
        fixture.given(placed(new PurchaseOrderItemChanged(PO, lowered, List.of("quantity")),
                        posted(TODAY, posting(1, EntryType.RELEASE_ORDER, lowered, "40"))))
                .when(new UpdatePurchaseOrderItem(PO, ORG, "line-1", null, null, qty("70"), null))
                .expectEvents(new PurchaseOrderItemChanged(PO, new PurchaseOrderLine("line-1", STEEL, qty("70"),
                        qty("2.5")), List.of("quantity")), posted(TODAY, posting(2, EntryType.ORDER,
                        STEEL_LINE, "10")));
        fixture.given(placed(new PurchaseOrderItemChanged(PO, lowered, List.of("quantity")),
                        posted(TODAY, posting(1, EntryType.RELEASE_ORDER, lowered, "40"))))
                .when(status(PurchaseOrderStatus.CANCELLED, null))
                .expectEvents(new PurchaseOrderCancelled(PO, NOW),
                        posted(TODAY, posting(2, EntryType.RELEASE_ORDER, lowered, "60")));
        fixture.given(placed())
                .when(new RemovePurchaseOrderItem(PO, ORG, "line-1"))
                .expectEvents(new PurchaseOrderItemRemoved(PO, "line-1"),
                        posted(TODAY, posting(1, EntryType.RELEASE_ORDER, STEEL_LINE, "100")));
    }

    @Test
    void fieldsChangeAsOneEventAndTheVendorOnlyWhilePlanning() {
        PurchaseOrderPatch patch = new PurchaseOrderPatch(Change.to(OTHER_VENDOR), null, null, null, null,
                Change.to(qty("3")), null, null, null, null);
        PurchaseOrderDetails next = new PurchaseOrderDetails(OTHER_VENDOR, DOCK, DETAILS.expectedDeliveryDate(), null,
                qty("15"), qty("3"), null, "first order");
        fixture.given(created())
                .when(new UpdatePurchaseOrder(PO, ORG, patch))
                .expectEvents(new PurchaseOrderChanged(PO, next, List.of("vendorId", "setupCosts")));
        assertThat(references.uses(OTHER_VENDOR).count()).isEqualTo(1);
        assertThat(references.uses(VENDOR).count()).isZero();
        fixture.given(created(), new PurchaseOrderPlaced(PO, NOW))
                .when(new UpdatePurchaseOrder(PO, ORG, patch))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void linesAreAddedChangedAndRemovedUntilTheOrderIsReceivedPaidOrCancelled() {
        PurchaseOrderLine bolts = new PurchaseOrderLine("line-2", BOLT, qty("50"), null);
        fixture.given(created())
                .when(new AddPurchaseOrderItem(PO, ORG, bolts, TargetType.MATERIALS))
                .expectEvents(new PurchaseOrderItemAdded(PO, bolts));
        fixture.given(created())
                .when(new UpdatePurchaseOrderItem(PO, ORG, "line-1", null, null, qty("80"), Change.to(null)))
                .expectEvents(new PurchaseOrderItemChanged(PO, new PurchaseOrderLine("line-1", STEEL, qty("80"), null),
                        List.of("quantity", "unitCost")));
        fixture.given(created())
                .when(new RemovePurchaseOrderItem(PO, ORG, "line-1"))
                .expectEvents(new PurchaseOrderItemRemoved(PO, "line-1"));
        fixture.given(created(), new PurchaseOrderCancelled(PO, NOW))
                .when(new AddPurchaseOrderItem(PO, ORG, bolts, TargetType.MATERIALS))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(created(), new PurchaseOrderPlaced(PO, NOW))
                .when(new UpdatePurchaseOrderItem(PO, ORG, "line-1", BOLT, TargetType.MATERIALS, null, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void receiptsTakeStockInAndMoveTheOrderToPartialThenReceived() {
        PurchaseOrderReceipt first = receipt("r-1", false, "30");
        fixture.given(placed())
                .when(new ReceivePurchaseOrder(PO, ORG, first))
                .expectEvents(new PurchaseOrderReceiptRecorded(PO, first),
                        receiptPosted("r-1", posting(1, EntryType.RECEIVE, STEEL_LINE, "30")),
                        new PurchaseOrderPartlyReceived(PO, NOW));
        PurchaseOrderReceipt rest = receipt("r-2", false, "70");
        fixture.given(placed(new PurchaseOrderReceiptRecorded(PO, first),
                        receiptPosted("r-1", posting(1, EntryType.RECEIVE, STEEL_LINE, "30")),
                        new PurchaseOrderPartlyReceived(PO, NOW)))
                .when(new ReceivePurchaseOrder(PO, ORG, rest))
                .expectEvents(new PurchaseOrderReceiptRecorded(PO, rest),
                        receiptPosted("r-2", posting(2, EntryType.RECEIVE, STEEL_LINE, "70")),
                        new PurchaseOrderFullyReceived(PO, NOW));
        fixture.given(placed(new PurchaseOrderReceiptRecorded(PO, first),
                        receiptPosted("r-1", posting(1, EntryType.RECEIVE, STEEL_LINE, "30"))))
                .when(new ReceivePurchaseOrder(PO, ORG, first))
                .expectNoEvents();
        fixture.given(placed(new PurchaseOrderReceiptRecorded(PO, first),
                        receiptPosted("r-1", posting(1, EntryType.RECEIVE, STEEL_LINE, "30"))))
                .when(new ReceivePurchaseOrder(PO, ORG, receipt("r-1", false, "31")))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void moreThanALineExpectsIsTakenInOnlyWhenTheReceiptSaysSoAndIsPutOnOrderFirst() {
        fixture.given(placed())
                .when(new ReceivePurchaseOrder(PO, ORG, receipt("r-1", false, "101")))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED, "field", "items[0]"));
        PurchaseOrderReceipt over = receipt("r-1", true, "101");
        fixture.given(placed())
                .when(new ReceivePurchaseOrder(PO, ORG, over))
                .expectEvents(new PurchaseOrderReceiptRecorded(PO, over),
                        receiptPosted("r-1", posting(1, EntryType.ORDER, STEEL_LINE, "1"),
                                posting(2, EntryType.RECEIVE, STEEL_LINE, "101")),
                        new PurchaseOrderFullyReceived(PO, NOW));
    }

    @Test
    void receiptsComeOnlyWhileTheOrderIsOnOrderAndKeepTheLinesTheyTookIn() {
        fixture.given(created())
                .when(new ReceivePurchaseOrder(PO, ORG, receipt("r-1", false, "1")))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(placed())
                .when(new ReceivePurchaseOrder(PO, ORG, new PurchaseOrderReceipt("r-1", TODAY, DOCK, null, false,
                        List.of(new ReceiptLine("no-line", qty("1"))))))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED));
        fixture.given(placed())
                .when(new ReceivePurchaseOrder(PO, ORG, new PurchaseOrderReceipt("r-1", TODAY.plusDays(1), DOCK, null,
                        false, List.of(new ReceiptLine("line-1", qty("1"))))))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED, "field", "receiptDate"));
        PurchaseOrderReceipt first = receipt("r-1", false, "30");
        Object[] partly = {new PurchaseOrderReceiptRecorded(PO, first),
                receiptPosted("r-1", posting(1, EntryType.RECEIVE, STEEL_LINE, "30")),
                new PurchaseOrderPartlyReceived(PO, NOW)};
        fixture.given(placed(partly))
                .when(new UpdatePurchaseOrderItem(PO, ORG, "line-1", null, null, qty("20"), null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED, "field", "quantity"));
        fixture.given(placed(partly))
                .when(new RemovePurchaseOrderItem(PO, ORG, "line-1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        PurchaseOrderLine lowered = new PurchaseOrderLine("line-1", STEEL, qty("50"), qty("2.5"));
        fixture.given(placed(partly))
                .when(new UpdatePurchaseOrderItem(PO, ORG, "line-1", null, null, qty("50"), null))
                .expectEvents(new PurchaseOrderItemChanged(PO, lowered, List.of("quantity")),
                        posted(TODAY, posting(2, EntryType.RELEASE_ORDER, lowered, "50")));
        fixture.given(placed(partly))
                .when(status(PurchaseOrderStatus.CANCELLED, null))
                .expectEvents(new PurchaseOrderCancelled(PO, NOW),
                        posted(TODAY, posting(2, EntryType.RELEASE_ORDER, STEEL_LINE, "70")));
    }

    @Test
    void onlyAnOrderInPlanningIsDeletedAndItsCatalogRecordsAreFreed() {
        fixture.givenNoPriorActivity()
                .andGivenCommands(create(List.of(STEEL_LINE)))
                .when(new DeletePurchaseOrder(PO, ORG))
                .expectEvents(new PurchaseOrderDeleted(PO));
        assertThat(references.uses(STEEL).count()).isZero();
        assertThat(references.uses(VENDOR).count()).isZero();
        fixture.given(created(), new PurchaseOrderPlaced(PO, NOW))
                .when(new DeletePurchaseOrder(PO, ORG))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void paidFollowsReceivedOnly() {
        fixture.given(created(), new PurchaseOrderPlaced(PO, NOW), new PurchaseOrderInTransit(PO, NOW))
                .when(status(PurchaseOrderStatus.PAID, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        assertThat(PurchaseOrderStatus.RECEIVED.next()).containsExactly(PurchaseOrderStatus.PAID);
        assertThat(new PurchaseOrderPaid(PO, NOW).status()).isEqualTo(PurchaseOrderStatus.PAID);
    }

    @Test
    void controlsAreTheirOwnEventsByTheCallerAndAskingAgainChangesNothing() {
        fixture.given(created())
                .when(control(PurchaseOrderControl.APPROVE), asAdmin())
                .expectEvents(new PurchaseOrderApproved(PO, ADMIN, NOW))
                .expectResultMessagePayloadMatching(view(PurchaseOrderStatus.PLANNING));
        fixture.given(created(), new PurchaseOrderApproved(PO, ADMIN, NOW))
                .when(control(PurchaseOrderControl.APPROVE), asAdmin())
                .expectNoEvents();
        fixture.given(created())
                .when(control(PurchaseOrderControl.UNARCHIVE), asAdmin())
                .expectNoEvents();
        fixture.given(placed())
                .when(control(PurchaseOrderControl.APPROVE), asAdmin())
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(created())
                .when(control(PurchaseOrderControl.SEND), asAdmin())
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(placed())
                .when(control(PurchaseOrderControl.SEND), asAdmin())
                .expectEvents(new PurchaseOrderSent(PO, ADMIN, NOW));
    }

    @Test
    void aLockedOrderRefusesEveryChangeButUnlock() {
        Object[] locked = {created(), new PurchaseOrderLocked(PO, ADMIN, NOW)};
        fixture.given(locked)
                .when(status(PurchaseOrderStatus.PLACED, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(locked)
                .when(new AddPurchaseOrderItem(PO, ORG, new PurchaseOrderLine("line-2", BOLT, qty("5"), null),
                        TargetType.MATERIALS))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(locked)
                .when(new DeletePurchaseOrder(PO, ORG))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(locked)
                .when(control(PurchaseOrderControl.ARCHIVE), asAdmin())
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(locked)
                .when(control(PurchaseOrderControl.UNLOCK), asAdmin())
                .expectEvents(new PurchaseOrderUnlocked(PO, ADMIN, NOW));
        fixture.given(created(), new PurchaseOrderLocked(PO, ADMIN, NOW), new PurchaseOrderUnlocked(PO, ADMIN, NOW))
                .when(status(PurchaseOrderStatus.PLACED, null))
                .expectEvents(new PurchaseOrderPlaced(PO, NOW),
                        posted(TODAY, posting(0, EntryType.ORDER, STEEL_LINE, "100")));
    }

    @Test
    void voidingReleasesWhatIsOnOrderAndTheOrderTakesNoFurtherChangeButTheArchive() {
        fixture.given(placed())
                .when(control(PurchaseOrderControl.VOID), asAdmin())
                .expectEvents(new PurchaseOrderVoided(PO, ADMIN, NOW),
                        posted(TODAY, posting(1, EntryType.RELEASE_ORDER, STEEL_LINE, "100")));
        List<Object> voided = placed(new PurchaseOrderVoided(PO, ADMIN, NOW),
                posted(TODAY, posting(1, EntryType.RELEASE_ORDER, STEEL_LINE, "100")));
        fixture.given(voided)
                .when(new ReceivePurchaseOrder(PO, ORG, receipt("r-1", false, "1")))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(voided)
                .when(status(PurchaseOrderStatus.CANCELLED, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(voided)
                .when(control(PurchaseOrderControl.ARCHIVE), asAdmin())
                .expectEvents(new PurchaseOrderArchived(PO, ADMIN, NOW));
        fixture.given(placed(new PurchaseOrderReceiptRecorded(PO, receipt("r-1", false, "100")),
                        receiptPosted("r-1", posting(1, EntryType.RECEIVE, STEEL_LINE, "100")),
                        new PurchaseOrderFullyReceived(PO, NOW)))
                .when(control(PurchaseOrderControl.VOID), asAdmin())
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void closingShortReleasesTheRestOfEachLineAndLeavesOnlyPaid() {
        List<Object> partly = placed(new PurchaseOrderReceiptRecorded(PO, receipt("r-1", false, "40")),
                receiptPosted("r-1", posting(1, EntryType.RECEIVE, STEEL_LINE, "40")),
                new PurchaseOrderPartlyReceived(PO, NOW));
        fixture.given(partly)
                .when(control(PurchaseOrderControl.CLOSE), asAdmin())
                .expectEvents(new PurchaseOrderClosed(PO, ADMIN, NOW),
                        posted(TODAY, posting(2, EntryType.RELEASE_ORDER, STEEL_LINE, "60")));
        List<Object> closed = new java.util.ArrayList<>(partly);
        closed.addAll(List.of(new PurchaseOrderClosed(PO, ADMIN, NOW),
                posted(TODAY, posting(2, EntryType.RELEASE_ORDER, STEEL_LINE, "60"))));
        fixture.given(closed)
                .when(new ReceivePurchaseOrder(PO, ORG, receipt("r-2", false, "1")))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(closed)
                .when(new UpdatePurchaseOrderItem(PO, ORG, "line-1", null, null, qty("40"), null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(closed)
                .when(status(PurchaseOrderStatus.PAID, null))
                .expectEvents(new PurchaseOrderPaid(PO, NOW));
        fixture.given(created())
                .when(control(PurchaseOrderControl.CLOSE), asAdmin())
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void deletingAReceiptReversesItsEntriesLastFirstAndTheOrderGoesBackToWhereItsReceiptsLeaveIt() {
        PurchaseOrderReceipt over = receipt("r-1", true, "101");
        StockPosting excess = posting(1, EntryType.ORDER, STEEL_LINE, "1");
        StockPosting taken = posting(2, EntryType.RECEIVE, STEEL_LINE, "101");
        List<Object> received = placed(new PurchaseOrderReceiptRecorded(PO, over), receiptPosted("r-1", excess, taken),
                new PurchaseOrderFullyReceived(PO, NOW));
        fixture.given(received)
                .when(new PlanReceiptDeletion(PO, ORG, "r-1"))
                .expectNoEvents()
                .expectResultMessagePayload(new ReceiptDeletionPlan(List.of(excess, taken)));
        StockPosting undoTaken = reversal(3, taken);
        StockPosting undoExcess = reversal(4, excess);
        fixture.given(received)
                .when(new DeletePurchaseOrderReceipt(PO, ORG, "r-1"))
                .expectEvents(new PurchaseOrderReceiptDeleted(PO, "r-1"), receiptPosted("r-1", undoTaken, undoExcess),
                        new PurchaseOrderReopened(PO, PurchaseOrderStatus.PLACED, NOW));
        List<Object> deleted = new java.util.ArrayList<>(received);
        deleted.addAll(List.of(new PurchaseOrderReceiptDeleted(PO, "r-1"), receiptPosted("r-1", undoTaken, undoExcess),
                new PurchaseOrderReopened(PO, PurchaseOrderStatus.PLACED, NOW)));
        fixture.given(deleted)
                .when(new DeletePurchaseOrderReceipt(PO, ORG, "r-1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
        fixture.given(deleted)
                .when(new ReceivePurchaseOrder(PO, ORG, over))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT));
        fixture.given(deleted)
                .when(new ReceivePurchaseOrder(PO, ORG, receipt("r-2", false, "100")))
                .expectEvents(new PurchaseOrderReceiptRecorded(PO, receipt("r-2", false, "100")),
                        receiptPosted("r-2", posting(5, EntryType.RECEIVE, STEEL_LINE, "100")),
                        new PurchaseOrderFullyReceived(PO, NOW));
        fixture.given(created())
                .when(new DeletePurchaseOrderReceipt(PO, ORG, "r-1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void deletingOneOfTwoReceiptsLeavesPartialAndSettlesTheLineToWhatItStillExpects() {
        PurchaseOrderReceipt first = receipt("r-1", false, "30");
        PurchaseOrderReceipt rest = receipt("r-2", false, "70");
        StockPosting second = posting(2, EntryType.RECEIVE, STEEL_LINE, "70");
        List<Object> received = placed(new PurchaseOrderReceiptRecorded(PO, first),
                receiptPosted("r-1", posting(1, EntryType.RECEIVE, STEEL_LINE, "30")),
                new PurchaseOrderPartlyReceived(PO, NOW), new PurchaseOrderReceiptRecorded(PO, rest),
                receiptPosted("r-2", second), new PurchaseOrderFullyReceived(PO, NOW));
        fixture.given(received)
                .when(new DeletePurchaseOrderReceipt(PO, ORG, "r-2"))
                .expectEvents(new PurchaseOrderReceiptDeleted(PO, "r-2"), receiptPosted("r-2", reversal(3, second)),
                        new PurchaseOrderPartlyReceived(PO, NOW));
        PurchaseOrderReceipt partOver = receipt("r-2", true, "70");
        StockPosting firstTaken = posting(1, EntryType.RECEIVE, STEEL_LINE, "40");
        List<Object> overTaken = placed(new PurchaseOrderReceiptRecorded(PO, receipt("r-1", false, "40")),
                receiptPosted("r-1", firstTaken), new PurchaseOrderPartlyReceived(PO, NOW),
                new PurchaseOrderReceiptRecorded(PO, partOver), receiptPosted("r-2", posting(2, EntryType.ORDER,
                        STEEL_LINE, "10"), posting(3, EntryType.RECEIVE, STEEL_LINE, "70")),
                new PurchaseOrderFullyReceived(PO, NOW));
        fixture.given(overTaken)
                .when(new DeletePurchaseOrderReceipt(PO, ORG, "r-1"))
                .expectEvents(new PurchaseOrderReceiptDeleted(PO, "r-1"), receiptPosted("r-1",
                                reversal(4, firstTaken), posting(5, EntryType.RELEASE_ORDER, STEEL_LINE, "10")),
                        new PurchaseOrderPartlyReceived(PO, NOW));
        List<Object> paid = new java.util.ArrayList<>(received);
        paid.add(new PurchaseOrderPaid(PO, NOW));
        fixture.given(paid)
                .when(new DeletePurchaseOrderReceipt(PO, ORG, "r-2"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void aReceiptWhoseReversalALedgerRefusedComesBackAndWhatWasReversedIsPostedAgain() {
        PurchaseOrderReceipt over = receipt("r-1", true, "101");
        StockPosting excess = posting(1, EntryType.ORDER, STEEL_LINE, "1");
        StockPosting taken = posting(2, EntryType.RECEIVE, STEEL_LINE, "101");
        StockPosting undoTaken = reversal(3, taken);
        StockPosting undoExcess = reversal(4, excess);
        List<Object> deleted = placed(new PurchaseOrderReceiptRecorded(PO, over), receiptPosted("r-1", excess, taken),
                new PurchaseOrderFullyReceived(PO, NOW), new PurchaseOrderReceiptDeleted(PO, "r-1"),
                receiptPosted("r-1", undoTaken, undoExcess), new PurchaseOrderReopened(PO, PurchaseOrderStatus.PLACED,
                        NOW));
        fixture.given(deleted)
                .when(new RestorePurchaseOrderReceipt(PO, ORG, "r-1", 1, "not enough on hand"))
                .expectEvents(new PurchaseOrderReceiptRestored(PO, "r-1", "not enough on hand", List.of(undoExcess)),
                        receiptPosted("r-1", posting(5, EntryType.RECEIVE, STEEL_LINE, "101")),
                        new PurchaseOrderFullyReceived(PO, NOW));
        fixture.given(deleted)
                .when(new RestorePurchaseOrderReceipt(PO, ORG, "r-1", 0, "not enough on hand"))
                .expectEvents(new PurchaseOrderReceiptRestored(PO, "r-1", "not enough on hand",
                        List.of(undoTaken, undoExcess)), new PurchaseOrderFullyReceived(PO, NOW));
        fixture.given(placed(new PurchaseOrderReceiptRecorded(PO, over), receiptPosted("r-1", excess, taken)))
                .when(new RestorePurchaseOrderReceipt(PO, ORG, "r-1", 0, "not enough on hand"))
                .expectNoEvents();
    }

    /** The order's {@code n}-th entry, reversing {@code entry}. */
    private static StockPosting reversal(int n, StockPosting entry) {
        StockPosting id = posting(n, entry.type(), STEEL_LINE, "1");
        return new StockPosting(id.entryId(), entry.type().reversal(), entry.lineId(), entry.itemId(),
                entry.locationId(), entry.quantity(), entry.unitCost(), entry.entryId());
    }

    private static ControlPurchaseOrder control(PurchaseOrderControl control) {
        return new ControlPurchaseOrder(PO, ORG, control);
    }

    private static Map<String, ?> asAdmin() {
        return Map.of(MessageMetadata.ACTOR, ADMIN);
    }

    private static CreatePurchaseOrder create(List<PurchaseOrderLine> items) {
        return new CreatePurchaseOrder(PO, ORG, TargetType.MATERIALS, DETAILS, items);
    }

    private static PurchaseOrderReceipt receipt(String id, boolean over, String quantity) {
        return new PurchaseOrderReceipt(id, TODAY, DOCK, null, over, List.of(new ReceiptLine("line-1",
                qty(quantity))));
    }

    private static UpdatePurchaseOrder status(PurchaseOrderStatus status, Instant at) {
        return status(ORG, status, at);
    }

    private static UpdatePurchaseOrder status(String org, PurchaseOrderStatus status, Instant at) {
        return new UpdatePurchaseOrder(PO, org, new PurchaseOrderPatch(null, null, null, null, null, null, null, null,
                status, at));
    }

    private static org.hamcrest.Matcher<Object> answer(PurchaseOrderStatus status, int lines) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof PurchaseOrderAnswer a && a.purchaseOrder().status() == status
                        && a.items().size() == lines && a.purchaseOrder().poNumber() != null;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a purchase order in " + status + " with " + lines + " lines");
            }
        };
    }

    private static org.hamcrest.Matcher<Object> view(PurchaseOrderStatus status) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof PurchaseOrderView v && v.status() == status;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a purchase order in " + status);
            }
        };
    }
}
