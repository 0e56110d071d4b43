package io.waybill.command.inventory;

import io.waybill.command.support.Counters;
import io.waybill.api.ErrorCode;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerEntry;
import io.waybill.api.inventory.LedgerEntryRecorded;
import io.waybill.api.inventory.LedgerEntryView;
import io.waybill.api.inventory.RecordLedgerEntry;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.waybill.api.inventory.Bucket.ALLOCATED;
import static io.waybill.api.inventory.Bucket.DEMAND;
import static io.waybill.api.inventory.Bucket.ON_HAND;
import static io.waybill.api.inventory.Bucket.ON_ORDER;
import static io.waybill.api.inventory.EntryType.ADJUST;
import static io.waybill.api.inventory.EntryType.ALLOCATE;
import static io.waybill.api.inventory.EntryType.CONSUME;
import static io.waybill.api.inventory.EntryType.DISPOSE;
import static io.waybill.api.inventory.EntryType.ORDER;
import static io.waybill.api.inventory.EntryType.PRODUCE;
import static io.waybill.api.inventory.EntryType.RECEIVE;
import static io.waybill.command.itemgroup.DomainErrorMatcher.domainError;
import static org.assertj.core.api.Assertions.assertThat;

/** Movements at one location: what each type does to the balances, and what is refused. */
class InventoryLedgerTest extends LedgerTestBase {

    private static LedgerEntryRecorded recorded(LedgerEntry entry) {
        return new LedgerEntryRecorded(MATERIAL_LEDGER, ORG, ItemKind.MATERIAL, MATERIAL, entry);
    }

    static Matcher<LedgerEntryView> view(String code) {
        return new CustomTypeSafeMatcher<>("an entry coded " + code) {
            @Override
            protected boolean matchesSafely(LedgerEntryView view) {
                return code.equals(view.code()) && view.createdAt() != null;
            }
        };
    }

    @Test
    void givenNothing_whenOrder_thenOnOrderGrows() {
        fixture.givenNoPriorActivity()
                .when(material("e1", ORDER, A, "5"))
                .expectEvents(recorded(entry("e1", "LE-000001", ORDER, A, "5", change(A, ON_ORDER, "5"))))
                .expectResultMessagePayloadMatching(view("LE-000001"));
    }

    @Test
    void receiveDrawsDownOnOrderOnlyAsFarAsThereIsAny() {
        fixture.givenCommands(material("e1", ORDER, A, "5"))
                .when(material("e2", RECEIVE, A, "8"))
                .expectEvents(recorded(entry("e2", "LE-000002", RECEIVE, A, "8", change(A, ON_HAND, "8"),
                        change(A, ON_ORDER, "-5"))));
    }

    @Test
    void allocateDrawsDownDemandAndNeedsAvailableStock() {
        fixture.givenCommands(material("e1", EntryType.DEMAND, A, "3"), material("e2", RECEIVE, A, "10"))
                .when(material("e3", ALLOCATE, A, "5"))
                .expectEvents(recorded(entry("e3", "LE-000003", ALLOCATE, A, "5", change(A, ALLOCATED, "5"),
                        change(A, DEMAND, "-3"))));
    }

    @Test
    void cannotAllocateMoreThanIsAvailable() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), material("e2", ALLOCATE, A, "7"))
                .when(material("e3", ALLOCATE, A, "4"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK, "available", "3"));
    }

    @Test
    void consumeTakesAllocatedStockFirst() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), material("e2", ALLOCATE, A, "4"))
                .when(material("e3", CONSUME, A, "6"))
                .expectEvents(recorded(entry("e3", "LE-000003", CONSUME, A, "-6", change(A, ON_HAND, "-6"),
                        change(A, ALLOCATED, "-4"))));
    }

    @Test
    void cannotConsumeMoreThanIsOnHand() {
        fixture.givenCommands(material("e1", RECEIVE, A, "2.5"))
                .when(material("e2", CONSUME, A, "2.6"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK, "locationId", A));
    }

    @Test
    void cannotDisposeOfStockAllocatedToSomeoneElse() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"), material("e2", ALLOCATE, A, "8"))
                .when(material("e3", DISPOSE, A, "3"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK, "available", "2"));
    }

    @Test
    void disposeTakesFromOnHand() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"))
                .when(material("e2", DISPOSE, A, "3"))
                .expectEvents(recorded(entry("e2", "LE-000002", DISPOSE, A, "-3", change(A, ON_HAND, "-3"))));
    }

    @Test
    void adjustIsASignedCorrectionThatCannotOverdraw() {
        fixture.givenCommands(material("e1", RECEIVE, A, "5"), material("e2", ADJUST, A, "-3"))
                .when(material("e3", ADJUST, A, "-2.5"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK, "available", "2"));
    }

    @Test
    void produceAddsFinishedGoods() {
        fixture.givenNoPriorActivity()
                .when(sku("e1", PRODUCE, A, "12"))
                .expectEvents(new LedgerEntryRecorded(SKU_LEDGER, ORG, ItemKind.SKU, SKU,
                        entry("e1", "LE-000001", PRODUCE, A, "12", change(A, ON_HAND, "12"))));
    }

    @Test
    void materialsAreNotProduced() {
        fixture.givenNoPriorActivity()
                .when(material("e1", PRODUCE, A, "1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.VALIDATION_FAILED, "field", "eventType"));
    }

    @Test
    void aBackdatedDecreaseMayNotOverdrawAnyLaterDay() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10", DAY.minusDays(10)),
                        material("e2", CONSUME, A, "8", DAY.minusDays(2)), material("e3", RECEIVE, A, "10", DAY))
                .when(material("e4", DISPOSE, A, "5", DAY.minusDays(5)))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK, "asOf", DAY.minusDays(2).toString()));
    }

    @Test
    void aBackdatedDecreaseMayNotPrecedeTheStockItTakes() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10", DAY))
                .when(material("e2", DISPOSE, A, "1", DAY.minusDays(1)))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.INSUFFICIENT_STOCK, "asOf", DAY.minusDays(1).toString()));
    }

    @Test
    void aBackdatedDecreaseCoveredOnEveryDayIsRecorded() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10", DAY.minusDays(10)),
                        material("e2", CONSUME, A, "4", DAY))
                .when(material("e3", DISPOSE, A, "5", DAY.minusDays(5)))
                .expectEvents(recorded(new LedgerEntry("e3", "LE-000003", DISPOSE, A, null, qty("-5"), null, null,
                        null, DAY.minusDays(5), "manual", null, null, List.of(change(A, ON_HAND, "-5")))));
    }

    @Test
    void anEntryIdSeenBeforeIsAnsweredAndNotRecordedAgain() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"))
                .when(material("e1", RECEIVE, A, "10"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(view("LE-000001"));
    }

    @Test
    void anEntryIdSeenBeforeWithOtherValuesIsAConflict() {
        fixture.givenCommands(material("e1", RECEIVE, A, "10"))
                .when(material("e1", RECEIVE, A, "11"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT, "field", "id"));
    }

    @Test
    void anEntryIdOfAnotherLedgerIsAConflict() {
        new LedgerBook(jdbc).claim("e1", ORG, SKU, null);
        fixture.givenNoPriorActivity()
                .when(material("e1", RECEIVE, A, "1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT, "field", "id"));
    }

    @Test
    void anotherOrganisationsLedgerIsNotFound() {
        RecordLedgerEntry intruder = new RecordLedgerEntry(MATERIAL_LEDGER, OTHER_ORG, ItemKind.MATERIAL, MATERIAL,
                "e2", RECEIVE, A, null, qty("1"), null, null, null, DAY, null, null);
        fixture.givenCommands(material("e1", RECEIVE, A, "10"))
                .when(intruder)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void anUnknownLocationIsNotFoundAndRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(material("e1", RECEIVE, "loc-unknown", "1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND, "id", "loc-unknown"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry_index", Integer.class)).isZero();
    }

    @Test
    void theLedgerUsesItsItemAndLocations() {
        fixture.givenNoPriorActivity().when(material("e1", RECEIVE, A, "1")).expectSuccessfulHandlerExecution();
        assertThat(references.uses(MATERIAL).sample()).containsExactly(MATERIAL_LEDGER);
        assertThat(references.uses(A).sample()).containsExactly(MATERIAL_LEDGER);
        assertThat(references.uses(B).count()).isZero();
    }

    @Test
    void codesAreSequentialPerOrganisationAcrossLedgers() {
        Counters counters = new Counters(jdbc);
        counters.next(ORG, "LE");
        counters.next(ORG, "LE");
        fixture.givenNoPriorActivity()
                .when(material("e3", ORDER, A, "1"))
                .expectEvents(recorded(entry("e3", "LE-000003", ORDER, A, "1", change(A, ON_ORDER, "1"))));
        assertThat(List.of(jdbc.queryForObject("SELECT last_value FROM number_counter WHERE org_id = ? AND series = 'LE'",
                Long.class, ORG))).containsExactly(3L);
    }
}
