package io.waybill.command.inventory;

import io.waybill.api.ErrorCode;
import io.waybill.api.inventory.CheckMovement;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerEntry;
import io.waybill.api.inventory.LedgerEntryRecorded;
import io.waybill.api.inventory.LedgerSources;
import io.waybill.api.inventory.RecordLedgerEntry;
import io.waybill.api.inventory.ReverseLedgerEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.waybill.api.inventory.Bucket.ALLOCATED;
import static io.waybill.api.inventory.Bucket.DEMAND;
import static io.waybill.api.inventory.Bucket.ON_HAND;
import static io.waybill.api.inventory.EntryType.ADJUST;
import static io.waybill.api.inventory.EntryType.ALLOCATE;
import static io.waybill.api.inventory.EntryType.CONSUME;
import static io.waybill.api.inventory.EntryType.RELEASE_ALLOCATION;
import static io.waybill.api.inventory.EntryType.RELEASE_DEMAND;
import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;

/** What work orders hold of an item's demand and allocation: each draws on its own share only, no entry on another's. */
class InventoryLedgerReservationTest extends LedgerTestBase {

    private static final String WO_1 = "wo-1";
    private static final String WO_2 = "wo-2";

    private static RecordLedgerEntry held(String workOrder, String entryId, EntryType type, String quantity) {
        return new RecordLedgerEntry(MATERIAL_LEDGER, ORG, ItemKind.MATERIAL, MATERIAL, entryId, type, A, null,
                qty(quantity), null, null, null, DAY, LedgerSources.WORK_ORDER, workOrder);
    }

    private static LedgerEntryRecorded recorded(String workOrder, String id, String code, EntryType type,
                                                String quantity, io.waybill.api.inventory.BalanceChange... changes) {
        return new LedgerEntryRecorded(MATERIAL_LEDGER, ORG, ItemKind.MATERIAL, MATERIAL, new LedgerEntry(id, code,
                type, A, null, qty(quantity), null, null, null, DAY, workOrder == null ? "manual"
                : LedgerSources.WORK_ORDER, workOrder, null, List.of(changes)));
    }

    @Test
    void anAllocationTakesWhatIsAvailableUpToItsOwnDemand() {
        fixture.givenCommands(material("in", ADJUST, A, "6"), held(WO_1, "d1", EntryType.DEMAND, "10"))
                .when(held(WO_1, "a1", ALLOCATE, "10"))
                .expectEvents(recorded(WO_1, "a1", "LE-000003", ALLOCATE, "6", change(A, ALLOCATED, "6"),
                        change(A, DEMAND, "-6")));
    }

    @Test
    void anAllocationWithNothingAvailableRecordsNothing() {
        fixture.givenCommands(material("in", ADJUST, A, "6"), held(WO_1, "d1", EntryType.DEMAND, "6"),
                        held(WO_1, "a1", ALLOCATE, "6"), held(WO_2, "d2", EntryType.DEMAND, "5"))
                .when(held(WO_2, "a2", ALLOCATE, "5"))
                .expectNoEvents();
    }

    @Test
    void anAllocationSentAgainIsAnsweredAsItWasRecorded() {
        fixture.givenCommands(material("in", ADJUST, A, "6"), held(WO_1, "d1", EntryType.DEMAND, "10"),
                        held(WO_1, "a1", ALLOCATE, "10"), material("more", ADJUST, A, "10"))
                .when(held(WO_1, "a1", ALLOCATE, "10"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aManualEntryNeverTakesWhatAWorkOrderHolds() {
        fixture.givenCommands(material("in", ADJUST, A, "6"), held(WO_1, "d1", EntryType.DEMAND, "10"),
                        held(WO_1, "a1", ALLOCATE, "4"), material("d", EntryType.DEMAND, A, "3"))
                .when(material("a", ALLOCATE, A, "2"))
                .expectEvents(recorded(null, "a", "LE-000005", ALLOCATE, "2", change(A, ALLOCATED, "2"),
                        change(A, DEMAND, "-2")));
    }

    @Test
    void aManualConsumptionCannotTakeAllocatedStock() {
        fixture.givenCommands(material("in", ADJUST, A, "6"), held(WO_1, "d1", EntryType.DEMAND, "10"),
                        held(WO_1, "a1", ALLOCATE, "6"))
                .when(material("c", CONSUME, A, "1"))
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK));
    }

    @Test
    void aConsumptionTakesItsOwnAllocationFirstThenWhatIsFree() {
        fixture.givenCommands(material("in", ADJUST, A, "10"), held(WO_1, "d1", EntryType.DEMAND, "4"),
                        held(WO_1, "a1", ALLOCATE, "4"), held(WO_2, "d2", EntryType.DEMAND, "3"),
                        held(WO_2, "a2", ALLOCATE, "3"))
                .when(held(WO_1, "c1", CONSUME, "6"))
                .expectEvents(recorded(WO_1, "c1", "LE-000006", CONSUME, "-6", change(A, ON_HAND, "-6"),
                        change(A, ALLOCATED, "-4")));
    }

    @Test
    void aConsumptionBeyondItsAllocationSatisfiesItsOwnDemand() {
        fixture.givenCommands(material("in", ADJUST, A, "4"), held(WO_1, "d1", EntryType.DEMAND, "10"),
                        held(WO_1, "a1", ALLOCATE, "10"), held(WO_2, "d2", EntryType.DEMAND, "5"),
                        material("more", ADJUST, A, "10"))
                .when(held(WO_1, "c1", CONSUME, "6"))
                .expectEvents(recorded(WO_1, "c1", "LE-000006", CONSUME, "-6", change(A, ON_HAND, "-6"),
                        change(A, ALLOCATED, "-4"), change(A, DEMAND, "-2")));
    }

    @Test
    void aConsumptionBeyondItsAllocationAndWhatIsFreeIsRefused() {
        fixture.givenCommands(material("in", ADJUST, A, "10"), held(WO_1, "d1", EntryType.DEMAND, "4"),
                        held(WO_1, "a1", ALLOCATE, "4"), held(WO_2, "d2", EntryType.DEMAND, "3"),
                        held(WO_2, "a2", ALLOCATE, "3"))
                .when(held(WO_1, "c1", CONSUME, "8"))
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK));
    }

    @Test
    void releasesTakeBackExactlyWhatTheWorkOrderStillHolds() {
        fixture.givenCommands(material("in", ADJUST, A, "6"), held(WO_1, "d1", EntryType.DEMAND, "10"),
                        held(WO_1, "a1", ALLOCATE, "10"), held(WO_2, "d2", EntryType.DEMAND, "5"),
                        held(WO_1, "r1", RELEASE_DEMAND, "10"))
                .when(held(WO_1, "r2", RELEASE_ALLOCATION, "10"))
                .expectEvents(recorded(WO_1, "r2", "LE-000006", RELEASE_ALLOCATION, "-6",
                        change(A, ALLOCATED, "-6")));
    }

    @Test
    void aReversedConsumptionGivesTheWorkOrderItsAllocationBack() {
        fixture.givenCommands(material("in", ADJUST, A, "6"), held(WO_1, "d1", EntryType.DEMAND, "6"),
                        held(WO_1, "a1", ALLOCATE, "6"), held(WO_1, "c1", CONSUME, "4"),
                        new ReverseLedgerEntry(MATERIAL_LEDGER, ORG, "c1", "c1-back", DAY, null,
                                LedgerSources.WORK_ORDER, WO_1))
                .when(held(WO_1, "r1", RELEASE_ALLOCATION, "10"))
                .expectEvents(recorded(WO_1, "r1", "LE-000006", RELEASE_ALLOCATION, "-6",
                        change(A, ALLOCATED, "-6")));
    }

    @Test
    void aCheckRefusesAConsumptionBeyondWhatIsOnHandAndChangesNothing() {
        fixture.givenCommands(material("in", ADJUST, A, "5"), held(WO_1, "d1", EntryType.DEMAND, "5"),
                        held(WO_1, "a1", ALLOCATE, "5"))
                .when(new CheckMovement(MATERIAL_LEDGER, ORG, CONSUME, A, qty("6"), DAY,
                        LedgerSources.WORK_ORDER_RECEIPT, WO_1))
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK));
    }

    @Test
    void aCheckOfAConsumptionWithinStockChangesNothing() {
        fixture.givenCommands(material("in", ADJUST, A, "5"), held(WO_1, "d1", EntryType.DEMAND, "5"),
                        held(WO_1, "a1", ALLOCATE, "5"))
                .when(new CheckMovement(MATERIAL_LEDGER, ORG, CONSUME, A, qty("5"), DAY,
                        LedgerSources.WORK_ORDER_RECEIPT, WO_1))
                .expectNoEvents()
                .expectResultMessagePayload(true);
    }
}
