package io.waybill.command.inventory;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.inventory.BalanceChange;
import io.waybill.api.inventory.InventoryLedgerEvent;
import io.waybill.api.inventory.ItemKind;
import io.waybill.api.inventory.LedgerEntry;
import io.waybill.api.inventory.LedgerEntryView;
import io.waybill.api.inventory.StockTransferred;
import io.waybill.api.inventory.TransferCompleted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of one ledger, each with what has happened to it since (reversed, a transfer completed), and the
 * rules about entries that came before: ids are never reused, a reversal undoes exactly one entry that may be undone.
 */
final class LedgerEntries {

    static final String MANUAL = "manual";

    /** An entry with what has happened to it since. */
    record Recorded(LedgerEntry entry, String actor, Instant at, String reversedBy, String completedBy,
                    String arrivalOf) {

        Recorded reversedBy(String entryId) {
            return new Recorded(entry, actor, at, entryId, completedBy, arrivalOf);
        }

        Recorded completedBy(String entryId) {
            return new Recorded(entry, actor, at, reversedBy, entryId, arrivalOf);
        }

        LedgerEntryView view(String orgId, ItemKind itemKind, String itemId) {
            return LedgerEntryView.of(orgId, itemKind, itemId, entry, reversedBy, completedBy, actor, at);
        }
    }

    private final Map<String, Recorded> entries = new HashMap<>();
    private final Map<String, String> transfersByRef = new HashMap<>();

    Recorded get(String entryId) {
        return entries.get(entryId);
    }

    /** The outgoing leg of the transfer {@code ref}, or null. */
    Recorded transfer(String ref) {
        String entryId = transfersByRef.get(ref);
        return entryId == null ? null : entries.get(entryId);
    }

    void recorded(InventoryLedgerEvent event, String actor, Instant at) {
        LedgerEntry entry = event.entry();
        String arrivalOf = event instanceof TransferCompleted completed ? completed.transferEntryId() : null;
        entries.put(entry.id(), new Recorded(entry, actor, at, null, null, arrivalOf));
        if (event instanceof StockTransferred) {
            transfersByRef.put(entry.ref(), entry.id());
        }
        if (arrivalOf != null) {
            entries.computeIfPresent(arrivalOf, (id, transfer) -> transfer.completedBy(entry.id()));
        }
        if (entry.reversesEntryId() != null) {
            entries.computeIfPresent(entry.reversesEntryId(), (id, reversed) -> reversed.reversedBy(entry.id()));
        }
    }

    void requireNew(String entryId) {
        if (entries.containsKey(entryId)) {
            conflict(entryId, "is another entry of this ledger");
        }
    }

    /**
     * The changes that undo the entry, both legs of a completed transfer included; an entry a record posted (a
     * purchase order's) is undone only by that kind of record, {@code sourceType}, never by hand.
     */
    List<BalanceChange> reversalChanges(Recorded original, String sourceType) {
        LedgerEntry out = original.entry();
        if (!MANUAL.equals(out.sourceType()) && !out.sourceType().equals(sourceType)) {
            throw transition("entry " + out.id() + " was posted by " + out.sourceType().replace('_', ' ') + " "
                    + out.sourceId() + "; change it there (a receipt's entries go with the receipt)");
        }
        if (out.type().isReversal()) {
            throw transition("entry " + out.id() + " is a reversal and cannot be reversed");
        }
        if (original.reversedBy() != null) {
            throw transition("entry " + out.id() + " was already reversed by " + original.reversedBy());
        }
        if (original.arrivalOf() != null) {
            throw transition("entry " + out.id() + " is the arrival of transfer " + original.arrivalOf()
                    + "; reverse the transfer, which undoes both legs");
        }
        if (original.completedBy() == null) {
            return Movements.undo(out.changes());
        }
        List<BalanceChange> both = new ArrayList<>(Movements.undo(out.changes()));
        both.addAll(Movements.undo(entries.get(original.completedBy()).entry().changes()));
        return List.copyOf(both);
    }

    static void requireOpen(Recorded transfer) {
        if (transfer.reversedBy() != null) {
            throw transition("transfer " + transfer.entry().ref() + " was reversed by " + transfer.reversedBy());
        }
        if (transfer.completedBy() != null) {
            throw transition("transfer " + transfer.entry().ref() + " was already completed by "
                    + transfer.completedBy());
        }
    }

    static <T> T conflict(String entryId, String why) {
        throw DomainException.conflict("ledger entry id " + entryId + " " + why,
                Map.of("field", "id", "id", entryId));
    }

    private static DomainException transition(String message) {
        return new DomainException(ErrorCode.INVALID_TRANSITION, message);
    }
}
