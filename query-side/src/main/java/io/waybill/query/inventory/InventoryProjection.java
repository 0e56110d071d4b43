package io.waybill.query.inventory;

import io.waybill.query.events.EventSource;
import org.springframework.context.annotation.Bean;
import io.waybill.api.inventory.BalanceChange;
import io.waybill.api.inventory.InventoryLedgerEvent;
import io.waybill.api.inventory.LedgerEntry;
import io.waybill.api.inventory.LedgerEntryReversed;
import io.waybill.api.inventory.TransferCompleted;
import io.waybill.platform.axon.MessageMetadata;
import io.waybill.query.support.ReadModelTables;
import io.waybill.query.support.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Keeps the inventory read models: the entries, their balance deltas (dated, for balances as of a date) and the
 * balances now. An entry is addressed by its organisation and id: entry ids a client chooses are unique per
 * organisation only. Each ledger remembers the sequence number of the last event applied to it, so an event seen
 * again changes nothing; and balances move only when an entry row is new. A ledger's events all go to one segment
 * (the processors sequence per aggregate), so its rows are never written by two threads at once.
 */
@Component
@ProcessingGroup("inventory")
@ReadModelTables({"ledger_entry_view", "ledger_balance_delta", "inventory_balance", "inventory_ledger_progress"})
class InventoryProjection {

    private final JdbcTemplate jdbc;

    InventoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The aggregate whose events this projection reads, for the organisation's event list and stream. */
    @Bean
    static EventSource inventoryEvents() {
        return new EventSource("InventoryLedger", InventoryLedgerEvent.class);
    }

    @EventHandler
    void on(InventoryLedgerEvent event, @SequenceNumber long seq, @Timestamp Instant at,
            @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        if (alreadyApplied(event.ledgerId(), seq)) {
            return;
        }
        if (insertEntry(event, at, actor)) {
            insertDeltas(event);
            event.entry().changes().forEach(change -> addToBalance(event, change));
        }
        if (event instanceof TransferCompleted completed) {
            jdbc.update("UPDATE ledger_entry_view SET completed_by_entry_id = ? WHERE id = ? AND org_id = ?",
                    completed.entry().id(), completed.transferEntryId(), event.orgId());
        } else if (event instanceof LedgerEntryReversed reversed) {
            jdbc.update("UPDATE ledger_entry_view SET reversed_by_entry_id = ? WHERE id = ? AND org_id = ?",
                    reversed.entry().id(), reversed.entry().reversesEntryId(), event.orgId());
        }
        remember(event, seq);
    }

    private boolean alreadyApplied(String ledgerId, long seq) {
        Long last = jdbc.query("SELECT last_seq FROM inventory_ledger_progress WHERE ledger_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, ledgerId);
        return last != null && last >= seq;
    }

    private void remember(InventoryLedgerEvent event, long seq) {
        int updated = jdbc.update("UPDATE inventory_ledger_progress SET last_seq = ? WHERE ledger_id = ?",
                seq, event.ledgerId());
        if (updated == 0) {
            jdbc.update("INSERT INTO inventory_ledger_progress (ledger_id, org_id, item_id, last_seq) "
                    + "VALUES (?, ?, ?, ?)", event.ledgerId(), event.orgId(), event.itemId(), seq);
        }
    }

    private boolean insertEntry(InventoryLedgerEvent event, Instant at, String actor) {
        LedgerEntry e = event.entry();
        return jdbc.update("INSERT INTO ledger_entry_view (id, org_id, code, item_kind, item_id, location_id, "
                        + "entry_type, quantity, unit_cost, ref, to_location_id, notes, event_date, source_type, "
                        + "source_id, reverses_entry_id, recorded_as, actor, created_at) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM ledger_entry_view WHERE org_id = ? AND id = ?)",
                e.id(), event.orgId(), e.code(), event.itemKind().name(), event.itemId(), e.locationId(),
                e.type().name(), e.quantity(), e.unitCost(), e.ref(), e.toLocationId(), e.notes(), e.eventDate(),
                e.sourceType(), e.sourceId(), e.reversesEntryId(), event.getClass().getSimpleName(), actor,
                Rows.at(at), event.orgId(), e.id()) == 1;
    }

    private void insertDeltas(InventoryLedgerEvent event) {
        List<BalanceChange> changes = event.entry().changes();
        for (int i = 0; i < changes.size(); i++) {
            BalanceChange change = changes.get(i);
            jdbc.update("INSERT INTO ledger_balance_delta (entry_id, change_no, org_id, item_kind, item_id, "
                            + "location_id, bucket, delta, event_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    event.entry().id(), i, event.orgId(), event.itemKind().name(), event.itemId(),
                    change.locationId(), change.bucket().name(), change.delta(), event.entry().eventDate());
        }
    }

    private void addToBalance(InventoryLedgerEvent event, BalanceChange change) {
        String column = BalanceColumns.of(change.bucket());
        String where = " WHERE org_id = ? AND item_id = ? AND location_id = ?";
        int updated = jdbc.update("UPDATE inventory_balance SET " + column + " = " + column + " + ?" + where,
                change.delta(), event.orgId(), event.itemId(), change.locationId());
        if (updated == 0) {
            jdbc.update("INSERT INTO inventory_balance (org_id, item_kind, item_id, location_id, " + column
                            + ") VALUES (?, ?, ?, ?, ?)", event.orgId(), event.itemKind().name(), event.itemId(),
                    change.locationId(), change.delta());
        }
    }
}
