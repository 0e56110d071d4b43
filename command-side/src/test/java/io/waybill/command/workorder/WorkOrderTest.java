package io.waybill.command.workorder;

import io.waybill.api.ErrorCode;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.StockPosting;
import io.waybill.api.workorder.AddWorkOrderItem;
import io.waybill.api.workorder.AllocateWorkOrder;
import io.waybill.api.workorder.CreateWorkOrder;
import io.waybill.api.workorder.DeleteWorkOrder;
import io.waybill.api.workorder.DeleteWorkOrderReceipt;
import io.waybill.api.workorder.ReceiveWorkOrder;
import io.waybill.api.workorder.RefuseWorkOrderReceipt;
import io.waybill.api.workorder.RestoreWorkOrderReceipt;
import io.waybill.api.workorder.RevertWorkOrderReceiptMove;
import io.waybill.api.workorder.UpdateWorkOrder;
import io.waybill.api.workorder.UpdateWorkOrderItem;
import io.waybill.api.workorder.UpdateWorkOrderReceipt;
import io.waybill.api.workorder.WorkOrderAnswer;
import io.waybill.api.workorder.WorkOrderCancelled;
import io.waybill.api.workorder.WorkOrderCompleted;
import io.waybill.api.workorder.WorkOrderCreated;
import io.waybill.api.workorder.WorkOrderDetails;
import io.waybill.api.workorder.WorkOrderEntered;
import io.waybill.api.workorder.WorkOrderFullyReceived;
import io.waybill.api.workorder.WorkOrderInTransit;
import io.waybill.api.workorder.WorkOrderInputView;
import io.waybill.api.workorder.WorkOrderItemChanged;
import io.waybill.api.workorder.WorkOrderLine;
import io.waybill.api.workorder.WorkOrderPartlyReceived;
import io.waybill.api.workorder.WorkOrderPatch;
import io.waybill.api.workorder.WorkOrderPlaced;
import io.waybill.api.workorder.WorkOrderProductionStarted;
import io.waybill.api.workorder.WorkOrderReceipt;
import io.waybill.api.workorder.WorkOrderReceiptChanged;
import io.waybill.api.workorder.WorkOrderReceiptDeleted;
import io.waybill.api.workorder.WorkOrderReceiptLine;
import io.waybill.api.workorder.WorkOrderReceiptMoveRefused;
import io.waybill.api.workorder.WorkOrderReceiptRecorded;
import io.waybill.api.workorder.WorkOrderReceiptRefused;
import io.waybill.api.workorder.WorkOrderReceiptRestored;
import io.waybill.api.workorder.WorkOrderReopened;
import io.waybill.api.workorder.WorkOrderReturnedToDraft;
import io.waybill.api.workorder.WorkOrderStatus;
import io.waybill.api.workorder.WorkOrderStockPosted;
import io.waybill.command.catalog.CatalogKinds;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.EntityRegistry;
import io.waybill.command.support.Counters;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;
import static org.assertj.core.api.Assertions.assertThat;

/** The work order's lifecycle, its lines and inputs, its receipts, and the entries each step owes the ledger. */
class WorkOrderTest {

    private static final String ORG = "org-1";
    private static final String WO = "wo-1";
    private static final String SITE = "plant";
    private static final String STEEL = "steel";
    private static final String BOLT = "bolt";
    private static final String WIDGET = "widget";
    private static final String GADGET = "gadget";
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final LocalDate EARLIER = TODAY.minusDays(3);
    private static final WorkOrderDetails DETAILS = new WorkOrderDetails(SITE, null, null, "first run");
    /** 10 widgets, each of 2 steel and 4 bolts; 5 gadgets, each of 1 steel. */
    private static final WorkOrderLine WIDGETS = new WorkOrderLine("line-1", WIDGET, qty("10"), qty("3"),
            List.of(new BomLine(STEEL, qty("2")), new BomLine(BOLT, qty("4"))));
    private static final WorkOrderLine GADGETS = new WorkOrderLine("line-2", GADGET, qty("5"), null,
            List.of(new BomLine(STEEL, qty("1"))));

    private AggregateTestFixture<WorkOrder> fixture;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:wo-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V2__command_side_registry.sql"),
                new ClassPathResource("db/migration/V24__registry_writes_carried_by_events.sql"),
                new ClassPathResource("db/migration/V5__catalog_references_and_ledger_index.sql"),
                new ClassPathResource("db/migration/V25__ledger_index_writes_carried_by_events.sql"),
                new ClassPathResource("db/migration/V26__catalog_reference_writes_carried_by_events.sql"),
                new ClassPathResource("db/migration/V11__number_counters.sql")).execute(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        EntityRegistry registry = new EntityRegistry(jdbc);
        registry.register(SITE, ORG, CatalogKinds.of(CatalogKind.LOCATION), "", "Plant");
        registry.register(STEEL, ORG, CatalogKinds.of(CatalogKind.MATERIAL), "", "ST-1");
        registry.register(BOLT, ORG, CatalogKinds.of(CatalogKind.MATERIAL), "", "BO-1");
        registry.register(WIDGET, ORG, CatalogKinds.of(CatalogKind.SKU), "", "WI-1");
        registry.register(GADGET, ORG, CatalogKinds.of(CatalogKind.SKU), "", "GA-1");
        fixture = new AggregateTestFixture<>(WorkOrder.class);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(new CatalogReferences(jdbc));
        fixture.registerInjectableResource(new Counters(jdbc));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    private static WorkOrderCreated created() {
        return new WorkOrderCreated(WO, ORG, "WO-000001", DETAILS, List.of(WIDGETS, GADGETS));
    }

    private static StockPosting posting(int n, EntryType type, String item, String quantity) {
        return new StockPosting(id(n), type, null, item, SITE, qty(quantity), null, null);
    }

    private static StockPosting reversal(int n, StockPosting original) {
        return new StockPosting(id(n), original.type().reversal(), null, original.itemId(), SITE,
                original.quantity(), null, original.entryId());
    }

    private static String id(int n) {
        return UUID.nameUUIDFromBytes((WO + "/stock/" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Placing demands 25 steel (10 × 2 + 5 × 1) and 40 bolts, and allocates up to both. */
    private static WorkOrderStockPosted placing() {
        return new WorkOrderStockPosted(WO, ORG, TODAY, List.of(posting(0, EntryType.DEMAND, STEEL, "25"),
                posting(1, EntryType.DEMAND, BOLT, "40"), posting(2, EntryType.ALLOCATE, STEEL, "25"),
                posting(3, EntryType.ALLOCATE, BOLT, "40")), null);
    }

    private static List<Object> placed(Object... more) {
        List<Object> events = new ArrayList<>(List.of(created(), new WorkOrderPlaced(WO, NOW), placing()));
        events.addAll(List.of(more));
        return events;
    }

    private static WorkOrderReceipt receipt(String id, String widgets) {
        return new WorkOrderReceipt(id, TODAY, null, List.of(new WorkOrderReceiptLine("line-1", qty(widgets))));
    }

    /** Receiving 3 widgets: 6 steel and 12 bolts consumed, then 3 widgets produced. */
    private static WorkOrderStockPosted threeWidgets() {
        return new WorkOrderStockPosted(WO, ORG, TODAY, List.of(posting(4, EntryType.CONSUME, STEEL, "6"),
                posting(5, EntryType.CONSUME, BOLT, "12"), posting(6, EntryType.PRODUCE, WIDGET, "3")), "r-1");
    }

    private static WorkOrderPatch status(WorkOrderStatus status) {
        return new WorkOrderPatch(null, null, null, null, status, null);
    }

    @Test
    void aCreateNumbersTheOrder() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkOrder(WO, ORG, WorkOrderStatus.DRAFT, DETAILS, List.of(WIDGETS, GADGETS)))
                .expectEvents(created())
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.any(WorkOrderAnswer.class));
    }

    @Test
    void theInputsAreTheLinesQuantitiesTimesTheirBoms() {
        List<WorkOrderInputView> inputs = new ArrayList<>();
        fixture.givenNoPriorActivity()
                .when(new CreateWorkOrder(WO, ORG, WorkOrderStatus.DRAFT, DETAILS, List.of(WIDGETS, GADGETS)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<WorkOrderAnswer>("inputs") {
                    @Override
                    protected boolean matchesSafely(WorkOrderAnswer answer) {
                        inputs.addAll(answer.inputs());
                        return true;
                    }
                });
        assertThat(inputs).extracting(WorkOrderInputView::materialId).containsExactly(STEEL, BOLT);
        assertThat(inputs).extracting(input -> input.quantityRequired().toPlainString()).containsExactly("25", "40");
    }

    @Test
    void aCreateSentAgainWithAnotherBodyIsAConflict() {
        fixture.given(created())
                .when(new CreateWorkOrder(WO, ORG, WorkOrderStatus.DRAFT, DETAILS, List.of(WIDGETS)))
                .expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void theStepsBeforeReceiptsTakeTheirStamps() {
        fixture.given(created())
                .when(new UpdateWorkOrder(WO, ORG, status(WorkOrderStatus.ENTERED)))
                .expectEvents(new WorkOrderEntered(WO, NOW));
        fixture.given(created(), new WorkOrderEntered(WO, NOW))
                .when(new UpdateWorkOrder(WO, ORG, status(WorkOrderStatus.DRAFT)))
                .expectEvents(new WorkOrderReturnedToDraft(WO, NOW));
        fixture.given(placed())
                .when(new UpdateWorkOrder(WO, ORG, status(WorkOrderStatus.PRODUCTION)))
                .expectEvents(new WorkOrderProductionStarted(WO, NOW));
        fixture.given(placed(new WorkOrderProductionStarted(WO, NOW)))
                .when(new UpdateWorkOrder(WO, ORG, status(WorkOrderStatus.IN_TRANSIT)))
                .expectEvents(new WorkOrderInTransit(WO, NOW));
    }

    @Test
    void aStampInTheFutureIsRefused() {
        fixture.given(created())
                .when(new UpdateWorkOrder(WO, ORG, new WorkOrderPatch(null, null, null, null,
                        WorkOrderStatus.ENTERED, NOW.plusSeconds(60))))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage("enteredAt: must not be in the future");
    }

    @Test
    void aDraftWithoutLinesCannotBePlaced() {
        fixture.given(new WorkOrderCreated(WO, ORG, "WO-000001", DETAILS, List.of()))
                .when(new UpdateWorkOrder(WO, ORG, status(WorkOrderStatus.PLACED)))
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void theWorkSiteChangesOnlyBeforeTheOrderIsPlaced() {
        fixture.given(placed())
                .when(new UpdateWorkOrder(WO, ORG, new WorkOrderPatch(io.waybill.api.Change.to("yard"), null, null,
                        null, null, null)))
                .expectException(domainError(ErrorCode.INVALID_TRANSITION))
                .expectExceptionMessage("workSiteLocationId only changes before the work order is placed");
    }

    @Test
    void aLineChangesItsQuantityBeforeTheOrderIsPlaced() {
        WorkOrderLine fewer = new WorkOrderLine("line-2", GADGET, qty("2"), null, GADGETS.bom());
        fixture.given(created())
                .when(new UpdateWorkOrderItem(WO, ORG, "line-2", null, List.of(), qty("2"), null))
                .expectEvents(new WorkOrderItemChanged(WO, fewer));
        fixture.given(placed())
                .when(new UpdateWorkOrderItem(WO, ORG, "line-2", null, List.of(), qty("2"), null))
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void aDraftTakesNoAllocationAndAPlacedOneAsksForAllItNeeds() {
        fixture.given(created())
                .when(new AllocateWorkOrder(WO, ORG))
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
        fixture.given(placed())
                .when(new AllocateWorkOrder(WO, ORG))
                .expectEvents(new WorkOrderStockPosted(WO, ORG, TODAY, List.of(
                        posting(4, EntryType.ALLOCATE, STEEL, "25"), posting(5, EntryType.ALLOCATE, BOLT, "40")),
                        null));
    }

    @Test
    void theReceiptsOfACompletedOrderStand() {
        fixture.given(placed(new WorkOrderReceiptRecorded(WO, receipt("r-1", "3")), threeWidgets(),
                        new WorkOrderPartlyReceived(WO, NOW), new WorkOrderCompleted(WO, NOW)))
                .when(new DeleteWorkOrderReceipt(WO, ORG, "r-1"))
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void aCreatePlacedDemandsAndAllocatesItsInputsAtTheWorkSite() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorkOrder(WO, ORG, WorkOrderStatus.PLACED, DETAILS, List.of(WIDGETS, GADGETS)))
                .expectEvents(created(), new WorkOrderPlaced(WO, NOW), placing());
    }

    @Test
    void aStepNotNextIsRefusedNamingTheAllowedOnes() {
        fixture.given(created())
                .when(new UpdateWorkOrder(WO, ORG, status(WorkOrderStatus.PRODUCTION)))
                .expectException(domainError(ErrorCode.INVALID_TRANSITION))
                .expectExceptionMessage("a work order that is Draft cannot become Production; it can become "
                        + "Entered or Placed or Cancelled");
    }

    @Test
    void linesChangeOnlyBeforeTheOrderIsPlaced() {
        fixture.given(placed())
                .when(new AddWorkOrderItem(WO, ORG, new WorkOrderLine("line-3", GADGET, qty("1"), null,
                        GADGETS.bom())))
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void aPlacedOrderCannotBeDeleted() {
        fixture.given(placed())
                .when(new DeleteWorkOrder(WO, ORG))
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void cancellingADraftPostsNothing() {
        fixture.given(created())
                .when(new UpdateWorkOrder(WO, ORG, status(WorkOrderStatus.CANCELLED)))
                .expectEvents(new WorkOrderCancelled(WO, NOW));
    }

    @Test
    void aReceiptConsumesItsMaterialsThenProducesItsUnits() {
        fixture.given(placed())
                .when(new ReceiveWorkOrder(WO, ORG, receipt("r-1", "3")))
                .expectEvents(new WorkOrderReceiptRecorded(WO, receipt("r-1", "3")), threeWidgets(),
                        new WorkOrderPartlyReceived(WO, NOW));
    }

    @Test
    void aReceiptTakesInAtMostWhatTheLineStillLacks() {
        fixture.given(placed(new WorkOrderReceiptRecorded(WO, receipt("r-1", "3")), threeWidgets()))
                .when(new ReceiveWorkOrder(WO, ORG, receipt("r-2", "8")))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage("items[0].quantity: the line has 7 left to take in");
    }

    @Test
    void aDraftTakesNoReceipts() {
        fixture.given(created())
                .when(new ReceiveWorkOrder(WO, ORG, receipt("r-1", "1")))
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void completingReleasesWhatTheOrderStillHolds() {
        WorkOrderReceipt all = new WorkOrderReceipt("r-1", TODAY, null, List.of(
                new WorkOrderReceiptLine("line-1", qty("10")), new WorkOrderReceiptLine("line-2", qty("5"))));
        WorkOrderStockPosted allPosted = new WorkOrderStockPosted(WO, ORG, TODAY, List.of(
                posting(4, EntryType.CONSUME, STEEL, "25"), posting(5, EntryType.CONSUME, BOLT, "40"),
                posting(6, EntryType.PRODUCE, WIDGET, "10"), posting(7, EntryType.PRODUCE, GADGET, "5")), "r-1");
        fixture.given(placed())
                .when(new ReceiveWorkOrder(WO, ORG, all))
                .expectEvents(new WorkOrderReceiptRecorded(WO, all), allPosted, new WorkOrderFullyReceived(WO, NOW));
        fixture.given(placed(new WorkOrderReceiptRecorded(WO, all), allPosted, new WorkOrderFullyReceived(WO, NOW)))
                .when(new UpdateWorkOrder(WO, ORG, status(WorkOrderStatus.COMPLETED)))
                .expectEvents(new WorkOrderCompleted(WO, NOW), new WorkOrderStockPosted(WO, ORG, TODAY, List.of(
                        posting(8, EntryType.RELEASE_DEMAND, STEEL, "25"),
                        posting(9, EntryType.RELEASE_DEMAND, BOLT, "40"),
                        posting(10, EntryType.RELEASE_ALLOCATION, STEEL, "25"),
                        posting(11, EntryType.RELEASE_ALLOCATION, BOLT, "40")), null));
    }

    @Test
    void deletingAReceiptReversesItsProductionFirstAndReopensTheOrder() {
        StockPosting[] posted = threeWidgets().postings().toArray(StockPosting[]::new);
        fixture.given(placed(new WorkOrderReceiptRecorded(WO, receipt("r-1", "3")), threeWidgets(),
                        new WorkOrderPartlyReceived(WO, NOW)))
                .when(new DeleteWorkOrderReceipt(WO, ORG, "r-1"))
                .expectEvents(new WorkOrderReceiptDeleted(WO, "r-1"), new WorkOrderStockPosted(WO, ORG, TODAY,
                                List.of(reversal(7, posted[2]), reversal(8, posted[0]), reversal(9, posted[1])),
                                "r-1"),
                        new WorkOrderReopened(WO, WorkOrderStatus.PLACED, NOW));
    }

    @Test
    void aReceiptWhoseConsumptionALedgerRefusedIsTakenBackWithWhatWasRecorded() {
        StockPosting[] posted = threeWidgets().postings().toArray(StockPosting[]::new);
        fixture.given(placed(new WorkOrderReceiptRecorded(WO, receipt("r-1", "3")), threeWidgets(),
                        new WorkOrderPartlyReceived(WO, NOW)))
                .when(new RefuseWorkOrderReceipt(WO, ORG, "r-1", 1, "not enough bolts"))
                .expectEvents(new WorkOrderReceiptRefused(WO, "r-1", "not enough bolts", List.of(posted[1],
                                posted[2])),
                        new WorkOrderStockPosted(WO, ORG, TODAY, List.of(reversal(7, posted[0])), "r-1"),
                        new WorkOrderReopened(WO, WorkOrderStatus.PLACED, NOW));
    }

    @Test
    void aDeletionWhoseReversalALedgerRefusedBringsTheReceiptBack() {
        StockPosting[] posted = threeWidgets().postings().toArray(StockPosting[]::new);
        List<StockPosting> deletion = List.of(reversal(7, posted[2]), reversal(8, posted[0]),
                reversal(9, posted[1]));
        fixture.given(placed(new WorkOrderReceiptRecorded(WO, receipt("r-1", "3")), threeWidgets(),
                        new WorkOrderPartlyReceived(WO, NOW), new WorkOrderReceiptDeleted(WO, "r-1"),
                        new WorkOrderStockPosted(WO, ORG, TODAY, deletion, "r-1"),
                        new WorkOrderReopened(WO, WorkOrderStatus.PLACED, NOW)))
                .when(new RestoreWorkOrderReceipt(WO, ORG, "r-1", 0, "the widgets were sold"))
                .expectEvents(new WorkOrderReceiptRestored(WO, "r-1", "the widgets were sold", deletion),
                        new WorkOrderPartlyReceived(WO, NOW));
    }

    /** Moving the 3-widget receipt three days back: the lines of {@link #threeWidgets()} dated anew. */
    private static WorkOrderStockPosted moveBack() {
        StockPosting[] posted = threeWidgets().postings().toArray(StockPosting[]::new);
        return new WorkOrderStockPosted(WO, ORG, EARLIER, List.of(
                posting(7, EntryType.PRODUCE, WIDGET, "3").dated(EARLIER), reversal(8, posted[0]).dated(TODAY),
                reversal(9, posted[1]).dated(TODAY), posting(10, EntryType.CONSUME, STEEL, "6").dated(EARLIER),
                posting(11, EntryType.CONSUME, BOLT, "12").dated(EARLIER), reversal(12, posted[2]).dated(TODAY)),
                "r-1", TODAY);
    }

    @Test
    void aReceiptMovedToAnotherDateReversesItsEntriesOnTheirDateAndPostsThemOnTheNewOneAddingStockFirst() {
        fixture.given(placed(new WorkOrderReceiptRecorded(WO, receipt("r-1", "3")), threeWidgets(),
                        new WorkOrderPartlyReceived(WO, NOW)))
                .when(new UpdateWorkOrderReceipt(WO, ORG, "r-1", null, EARLIER))
                .expectEvents(new WorkOrderReceiptChanged(WO, "r-1", null, EARLIER), moveBack());
    }

    @Test
    void aReceiptMovedToItsOwnDateRecordsNothing() {
        fixture.given(placed(new WorkOrderReceiptRecorded(WO, receipt("r-1", "3")), threeWidgets()))
                .when(new UpdateWorkOrderReceipt(WO, ORG, "r-1", null, TODAY))
                .expectNoEvents();
    }

    @Test
    void aReceiptIsNotMovedIntoTheFutureNorOnceTheOrderIsCompleted() {
        fixture.given(placed(new WorkOrderReceiptRecorded(WO, receipt("r-1", "3")), threeWidgets()))
                .when(new UpdateWorkOrderReceipt(WO, ORG, "r-1", null, TODAY.plusDays(1)))
                .expectException(domainError(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage("receiptDate: must not be in the future");
        fixture.given(placed(new WorkOrderReceiptRecorded(WO, receipt("r-1", "3")), threeWidgets(),
                        new WorkOrderCompleted(WO, NOW)))
                .when(new UpdateWorkOrderReceipt(WO, ORG, "r-1", null, EARLIER))
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void aMoveWhoseEntryALedgerRefusedIsUndoneLastFirstAndTheReceiptKeepsItsDate() {
        StockPosting[] move = moveBack().postings().toArray(StockPosting[]::new);
        List<Object> given = placed(new WorkOrderReceiptRecorded(WO, receipt("r-1", "3")), threeWidgets(),
                new WorkOrderPartlyReceived(WO, NOW), new WorkOrderReceiptChanged(WO, "r-1", null, EARLIER),
                moveBack());
        WorkOrderReceiptMoveRefused refused = new WorkOrderReceiptMoveRefused(WO, "r-1", TODAY, "no steel then",
                List.of(move[3], move[4], move[5]));
        WorkOrderStockPosted undone = new WorkOrderStockPosted(WO, ORG, TODAY, List.of(
                posting(13, EntryType.CONSUME, BOLT, "12").dated(TODAY),
                posting(14, EntryType.CONSUME, STEEL, "6").dated(TODAY), reversal(15, move[0]).dated(EARLIER)),
                "r-1", EARLIER);
        fixture.given(given)
                .when(new RevertWorkOrderReceiptMove(WO, ORG, "r-1", TODAY, 3, "no steel then", List.of(move)))
                .expectEvents(refused, undone);
        given.addAll(List.of(refused, undone));
        fixture.given(given)
                .when(new RevertWorkOrderReceiptMove(WO, ORG, "r-1", TODAY, 3, "no steel then", List.of(move)))
                .expectNoEvents();
    }
}
