package io.waybill.command.inventory;

import io.waybill.api.ErrorCode;
import io.waybill.api.inventory.CheckMove;
import io.waybill.api.inventory.CheckReversals;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerEntry;
import io.waybill.api.inventory.LedgerEntryReversed;
import io.waybill.api.inventory.RecordLedgerEntry;
import io.waybill.api.inventory.ReverseLedgerEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.waybill.api.inventory.Bucket.ALLOCATED;
import static io.waybill.api.inventory.Bucket.ON_HAND;
import static io.waybill.api.inventory.EntryType.ALLOCATE;
import static io.waybill.api.inventory.EntryType.CONSUME;
import static io.waybill.api.inventory.EntryType.ORDER;
import static io.waybill.api.inventory.EntryType.RECEIVE;
import static io.waybill.api.inventory.EntryType.REVERSE_CONSUME;
import static io.waybill.api.inventory.EntryType.REVERSE_RECEIVE;
import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;

/** Reversals undo one earlier entry exactly, once, and are never themselves reversed. */
class InventoryLedgerReversalTest extends LedgerTestBase {

    /** Every movement type at one location can be reversed, and the reversal negates each of its changes. */
    @ParameterizedTest
    @EnumSource(value = EntryType.class, names = {"ORDER", "RECEIVE", "DEMAND", "ALLOCATE", "CONSUME", "PRODUCE",
            "ADJUST", "DISPOSE"})
    void everyMovementCanBeReversedExactly(EntryType type) {
        fixture.givenCommands(sku("e1", RECEIVE, A, "10"), sku("e2", EntryType.DEMAND, A, "1"),
                        sku("e3", ALLOCATE, A, "2"), sku("e4", type, A, "1"))
                .when(reverse(SKU_LEDGER, "e4", "r1"))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(new org.hamcrest.CustomTypeSafeMatcher
                                <LedgerEntryReversed>("the exact reversal of a " + type) {
                            @Override
                            protected boolean matchesSafely(LedgerEntryReversed event) {
                                LedgerEntry entry = event.entry();
                                return entry.type() == type.reversal() && "e4".equals(entry.reversesEntryId())
                                        && entry.changes().size() >= 1
                                        && entry.changes().stream().allMatch(c -> c.delta().signum() != 0);
                            }
                        })));
    }

    @Test
    void reversingAConsumptionReturnsStockAndItsAllocation() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), material("e2", ALLOCATE, A, "4"),
                        material("e3", CONSUME, A, "6"))
                .when(reverse(MATERIAL_LEDGER, "e3", "r1"))
                .expectEvents(new LedgerEntryReversed(MATERIAL_LEDGER, ORG, ItemKind.MATERIAL, MATERIAL,
                        new LedgerEntry("r1", "LE-000004", REVERSE_CONSUME, A, null, qty("6"), null, null, null, DAY,
                                "manual", null, "e3", List.of(change(A, ON_HAND, "6"), change(A, ALLOCATED, "4")))));
    }

    @Test
    void anEntryIsReversedOnce() {
        fixture.givenCommands(material("e1", ORDER, A, "10"), reverse(MATERIAL_LEDGER, "e1", "r1"))
                .when(reverse(MATERIAL_LEDGER, "e1", "r2"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void reversingAgainWithTheSameEntryIdChangesNothing() {
        fixture.givenCommands(material("e1", ORDER, A, "10"), reverse(MATERIAL_LEDGER, "e1", "r1"))
                .when(reverse(MATERIAL_LEDGER, "e1", "r1"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aReversalCannotBeReversed() {
        fixture.givenCommands(material("e1", ORDER, A, "10"), reverse(MATERIAL_LEDGER, "e1", "r1"))
                .when(reverse(MATERIAL_LEDGER, "r1", "r2"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void anEntryAPurchaseOrderPostedIsNotReversedByHand() {
        fixture.givenCommands(receivedByOrder("e1"))
                .when(reverse(MATERIAL_LEDGER, "e1", "r1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void anEntryAPurchaseOrderPostedIsReversedByItsOrderAndTheReversalNamesIt() {
        fixture.givenCommands(receivedByOrder("e1"))
                .when(new ReverseLedgerEntry(MATERIAL_LEDGER, ORG, "e1", "r1", DAY, null, "purchase_order", "po-1"))
                .expectEvents(new LedgerEntryReversed(MATERIAL_LEDGER, ORG, ItemKind.MATERIAL, MATERIAL,
                        new LedgerEntry("r1", "LE-000002", REVERSE_RECEIVE, A, null, qty("-10"), null, null, null,
                                DAY, "purchase_order", "po-1", "e1", List.of(change(A, ON_HAND, "-10")))));
    }

    @Test
    void aCheckOfReversalsChangesNothing() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), material("e2", RECEIVE, A, "5"),
                        material("e3", CONSUME, A, "6"))
                .when(new CheckReversals(MATERIAL_LEDGER, ORG, List.of("e2"), DAY, null))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCheckOfReversalsRefusesAsTheReversalsTogetherWould() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), material("e2", RECEIVE, A, "5"),
                        material("e3", CONSUME, A, "6"))
                .when(new CheckReversals(MATERIAL_LEDGER, ORG, List.of("e1", "e2"), DAY, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK));
    }

    @Test
    void anEntryThatAddsStockMovesLaterOnlyIfNothingWasTakenFromItBeforeTheNewDate() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10", DAY), material("e2", CONSUME, A, "4", DAY.plusDays(2)))
                .when(new CheckMove(MATERIAL_LEDGER, ORG, List.of("e1"), DAY.plusDays(1), null))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        fixture.givenCommands(material("e3", RECEIVE, A, "10", DAY), material("e4", CONSUME, A, "4", DAY.plusDays(2)))
                .when(new CheckMove(MATERIAL_LEDGER, ORG, List.of("e3"), DAY.plusDays(3), null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK))
                .expectExceptionMessage("not enough stock at location " + A + " on " + DAY.plusDays(2)
                        + ": 6 available, 10 requested");
    }

    @Test
    void anEntryThatTakesStockMovesEarlierOnlyIfTheStockWasThereAlready() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10", DAY.plusDays(2)),
                        material("e2", CONSUME, A, "4", DAY.plusDays(3)))
                .when(new CheckMove(MATERIAL_LEDGER, ORG, List.of("e2"), DAY.plusDays(2), null))
                .expectSuccessfulHandlerExecution();
        fixture.givenCommands(material("e3", RECEIVE, A, "10", DAY.plusDays(2)),
                        material("e4", CONSUME, A, "4", DAY.plusDays(3)))
                .when(new CheckMove(MATERIAL_LEDGER, ORG, List.of("e4"), DAY.plusDays(1), null))
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK));
    }

    private static RecordLedgerEntry receivedByOrder(String entryId) {
        return new RecordLedgerEntry(MATERIAL_LEDGER, ORG, ItemKind.MATERIAL, MATERIAL, entryId, RECEIVE, A, null,
                qty("10"), null, null, null, DAY, "purchase_order", "po-1");
    }

    @Test
    void aReceiptWhoseStockWasUsedCannotBeReversed() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), material("e2", CONSUME, A, "3"))
                .when(reverse(MATERIAL_LEDGER, "e1", "r1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK, "available", "7"));
    }

    @Test
    void aReceiptWhoseStockIsAllocatedCannotBeReversed() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), material("e2", ALLOCATE, A, "1"))
                .when(reverse(MATERIAL_LEDGER, "e1", "r1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK, "available", "9"));
    }

    @Test
    void anOrderThatWasReceivedAgainstCannotBeReversedBelowZero() {
        fixture.givenCommands(material("e1", ORDER, A, "10"), material("e2", RECEIVE, A, "10"))
                .when(reverse(MATERIAL_LEDGER, "e1", "r1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION, "bucket", "ON_ORDER"));
    }

    @Test
    void anUnknownEntryIsNotFound() {
        fixture.givenCommands(material("e1", ORDER, A, "10"))
                .when(reverse(MATERIAL_LEDGER, "nope", "r1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void aReversalCannotPrecedeItsEntry() {
        fixture.givenCommands(material("e1", ORDER, A, "10", DAY.plusDays(2)))
                .when(reverse(MATERIAL_LEDGER, "e1", "r1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED, "field", "eventDate"));
    }
}
