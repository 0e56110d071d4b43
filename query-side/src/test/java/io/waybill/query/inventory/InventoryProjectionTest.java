package io.waybill.query.inventory;

import io.waybill.api.inventory.BalanceChange;
import io.waybill.api.inventory.Bucket;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerEntry;
import io.waybill.api.inventory.LedgerEntryRecorded;
import io.waybill.api.inventory.LedgerEntryReversed;
import io.waybill.api.inventory.StockTransferred;
import io.waybill.api.inventory.TransferCompleted;
import io.waybill.query.support.ProjectionHarness;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.waybill.query.support.ProjectionHarness.ORG;
import static org.assertj.core.api.Assertions.assertThat;

class InventoryProjectionTest {

    private static final String LEDGER = "ledger-m-1";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final String[] TABLES = {"ledger_entry_view", "ledger_balance_delta", "inventory_balance",
            "inventory_ledger_progress"};
    private final ProjectionHarness harness = new ProjectionHarness();

    InventoryProjectionTest() {
        harness.project(new InventoryProjection(harness.jdbc()));
    }

    @Test
    void entriesMoveTheBalancesAndAreMarkedWhenCompletedOrReversed() {
        receiveAndTransfer();
        assertThat(balance("A")).containsEntry("on_hand", "6").containsEntry("in_transit", "0");
        assertThat(balance("B")).containsEntry("on_hand", "0").containsEntry("in_transit", "4");

        harness.given("InventoryLedger", LEDGER, new TransferCompleted(LEDGER, ORG, ItemKind.MATERIAL, "m-1", "e-2",
                entry("e-3", EntryType.TRANSFER, "A", "B", change("B", Bucket.IN_TRANSIT, "-4"),
                        change("B", Bucket.ON_HAND, "4"))));
        harness.given("InventoryLedger", LEDGER, new LedgerEntryReversed(LEDGER, ORG, ItemKind.MATERIAL, "m-1",
                reversal("e-4", "e-1", change("A", Bucket.ON_HAND, "-10"))));

        assertThat(balance("A")).containsEntry("on_hand", "-4");
        assertThat(balance("B")).containsEntry("on_hand", "4").containsEntry("in_transit", "0");
        assertThat(harness.row("SELECT completed_by_entry_id FROM ledger_entry_view WHERE id = 'e-2'"))
                .containsEntry("completed_by_entry_id", "e-3");
        assertThat(harness.row("SELECT reversed_by_entry_id, actor FROM ledger_entry_view WHERE id = 'e-1'"))
                .containsEntry("reversed_by_entry_id", "e-4").containsEntry("actor", "user-1");
    }

    @Test
    void eventsSeenAgainCountOnce() {
        receiveAndTransfer();
        var once = harness.rows(TABLES);

        harness.redeliverAll();
        assertThat(harness.rows(TABLES)).isEqualTo(once);

        harness.redeliverFirst(1);
        assertThat(harness.rows(TABLES)).isEqualTo(once);
        assertThat(balance("A")).containsEntry("on_hand", "6");
    }

    private void receiveAndTransfer() {
        harness.given("InventoryLedger", LEDGER, new LedgerEntryRecorded(LEDGER, ORG, ItemKind.MATERIAL, "m-1",
                entry("e-1", EntryType.RECEIVE, "A", null, change("A", Bucket.ON_HAND, "10"))));
        harness.given("InventoryLedger", LEDGER, new StockTransferred(LEDGER, ORG, ItemKind.MATERIAL, "m-1",
                entry("e-2", EntryType.TRANSFER, "A", "B", change("A", Bucket.ON_HAND, "-4"),
                        change("B", Bucket.IN_TRANSIT, "4"))));
    }

    private Map<String, String> balance(String location) {
        Map<String, Object> row = harness.row("SELECT on_hand, in_transit FROM inventory_balance "
                + "WHERE org_id = ? AND item_id = 'm-1' AND location_id = ?", ORG, location);
        return Map.of("on_hand", plain(row.get("on_hand")), "in_transit", plain(row.get("in_transit")));
    }

    private static String plain(Object decimal) {
        return ((BigDecimal) decimal).stripTrailingZeros().toPlainString();
    }

    private static LedgerEntry entry(String id, EntryType type, String location, String to, BalanceChange... changes) {
        return new LedgerEntry(id, "LE-" + id, type, location, to, new BigDecimal("4"), null, null, null, DAY,
                "manual", null, null, List.of(changes));
    }

    private static LedgerEntry reversal(String id, String reverses, BalanceChange... changes) {
        return new LedgerEntry(id, "LE-" + id, EntryType.REVERSE_RECEIVE, "A", null, new BigDecimal("10"), null, null,
                null, DAY, "manual", null, reverses, List.of(changes));
    }

    private static BalanceChange change(String location, Bucket bucket, String delta) {
        return new BalanceChange(location, bucket, new BigDecimal(delta));
    }
}
