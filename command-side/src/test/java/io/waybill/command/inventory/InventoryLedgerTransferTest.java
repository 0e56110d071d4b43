package io.waybill.command.inventory;

import io.waybill.api.ErrorCode;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerEntry;
import io.waybill.api.inventory.LedgerEntryReversed;
import io.waybill.api.inventory.StockTransferred;
import io.waybill.api.inventory.TransferCompleted;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.waybill.api.inventory.Bucket.IN_TRANSIT;
import static io.waybill.api.inventory.Bucket.ON_HAND;
import static io.waybill.api.inventory.EntryType.ALLOCATE;
import static io.waybill.api.inventory.EntryType.RECEIVE;
import static io.waybill.api.inventory.EntryType.REVERSE_TRANSFER;
import static io.waybill.api.inventory.EntryType.TRANSFER;
import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;

/** Transfers between locations: out of the source into transit, completed once at the destination by ref. */
class InventoryLedgerTransferTest extends LedgerTestBase {

    private static final String REF = "TR-000002";

    private static LedgerEntry out(String code, String ref) {
        return new LedgerEntry("t1", code, TRANSFER, A, B, qty("-4"), null, ref, null, DAY, "manual", null, null,
                List.of(change(A, ON_HAND, "-4"), change(B, IN_TRANSIT, "4")));
    }

    @Test
    void aTransferMovesOnHandAtTheSourceIntoTransitToTheDestination() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"))
                .when(transfer("t1", A, B, "4"))
                .expectEvents(new StockTransferred(MATERIAL_LEDGER, ORG, ItemKind.MATERIAL, MATERIAL,
                        out("LE-000002", REF)));
    }

    @Test
    void aTransferCannotMoveAllocatedStock() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), material("e2", ALLOCATE, A, "7"))
                .when(transfer("t1", A, B, "4"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK, "available", "3"));
    }

    @Test
    void completingATransferMovesItFromTransitToOnHandAtTheDestination() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), transfer("t1", A, B, "4"))
                .when(complete(REF, "c1", DAY.plusDays(1)))
                .expectEvents(new TransferCompleted(MATERIAL_LEDGER, ORG, ItemKind.MATERIAL, MATERIAL, "t1",
                        new LedgerEntry("c1", "LE-000003", TRANSFER, B, null, qty("4"), null, REF, null,
                                DAY.plusDays(1), "manual", null, null,
                                List.of(change(B, IN_TRANSIT, "-4"), change(B, ON_HAND, "4")))));
    }

    @Test
    void aTransferCompletesOnce() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), transfer("t1", A, B, "4"),
                        complete(REF, "c1", DAY))
                .when(complete(REF, "c2", DAY))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void completingAgainWithTheSameEntryIdChangesNothing() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), transfer("t1", A, B, "4"),
                        complete(REF, "c1", DAY))
                .when(complete(REF, "c1", DAY))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aTransferCannotArriveBeforeItLeft() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), transfer("t1", A, B, "4"))
                .when(complete(REF, "c1", DAY.minusDays(1)))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED, "field", "eventDate"));
    }

    @Test
    void anUnknownRefIsNotFound() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"))
                .when(complete("TR-404", "c1", DAY))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void reversingAnOpenTransferReturnsTheStockAndClosesIt() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), transfer("t1", A, B, "4"))
                .when(reverse(MATERIAL_LEDGER, "t1", "r1"))
                .expectEvents(new LedgerEntryReversed(MATERIAL_LEDGER, ORG, ItemKind.MATERIAL, MATERIAL,
                        new LedgerEntry("r1", "LE-000003", REVERSE_TRANSFER, A, B, qty("4"), null, REF, null, DAY,
                                "manual", null, "t1", List.of(change(A, ON_HAND, "4"), change(B, IN_TRANSIT, "-4")))));
    }

    @Test
    void aReversedTransferCannotBeCompleted() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), transfer("t1", A, B, "4"),
                        reverse(MATERIAL_LEDGER, "t1", "r1"))
                .when(complete(REF, "c1", DAY))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void reversingACompletedTransferUndoesBothLegs() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), transfer("t1", A, B, "4"),
                        complete(REF, "c1", DAY))
                .when(reverse(MATERIAL_LEDGER, "t1", "r1"))
                .expectEvents(new LedgerEntryReversed(MATERIAL_LEDGER, ORG, ItemKind.MATERIAL, MATERIAL,
                        new LedgerEntry("r1", "LE-000004", REVERSE_TRANSFER, A, B, qty("4"), null, REF, null, DAY,
                                "manual", null, "t1", List.of(change(A, ON_HAND, "4"), change(B, IN_TRANSIT, "-4"),
                                change(B, IN_TRANSIT, "4"), change(B, ON_HAND, "-4")))));
    }

    @Test
    void aCompletedTransferWhoseStockMovedOnCannotBeReversed() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), transfer("t1", A, B, "4"),
                        complete(REF, "c1", DAY), material("e2", io.waybill.api.inventory.EntryType.CONSUME, B, "1"))
                .when(reverse(MATERIAL_LEDGER, "t1", "r1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK, "locationId", B));
    }

    @Test
    void theArrivalLegIsReversedThroughItsTransfer() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), transfer("t1", A, B, "4"),
                        complete(REF, "c1", DAY))
                .when(reverse(MATERIAL_LEDGER, "c1", "r1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void aTransferRefChosenByTheCallerIsKeptAndUniquePerOrganisation() {
        var withRef = new io.waybill.api.inventory.RecordLedgerEntry(MATERIAL_LEDGER, ORG, ItemKind.MATERIAL,
                MATERIAL, "t2", TRANSFER, A, B, qty("1"), null, "TRUCK-7", null, DAY, null, null);
        var sameRef = new io.waybill.api.inventory.RecordLedgerEntry(MATERIAL_LEDGER, ORG, ItemKind.MATERIAL,
                MATERIAL, "t3", TRANSFER, A, B, qty("1"), null, "TRUCK-7", null, DAY, null, null);
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), withRef)
                .when(sameRef)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT, "field", "ref"));
    }
}
