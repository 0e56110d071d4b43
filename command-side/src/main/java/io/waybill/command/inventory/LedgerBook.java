package io.waybill.command.inventory;

import io.waybill.api.DomainException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * The command side's index of ledger entries: which ledger each entry id belongs to and which transfer each ref
 * names, per organisation (entry ids and refs are a client's own, unique within its organisation). Written by the
 * ledger's handlers in the transaction that stores the entry; read by the web layer to find the ledger an entry id
 * or a transfer ref belongs to.
 */
@Component
public class LedgerBook {

    private final JdbcTemplate jdbc;

    public LedgerBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims an entry id (and a transfer's ref) for the item's ledger. */
    void claim(String entryId, String orgId, String itemId, String transferRef) {
        if (itemOfEntry(orgId, entryId).isPresent()) {
            throw DomainException.conflict("ledger entry id " + entryId + " is already in use",
                    Map.of("field", "id", "id", entryId));
        }
        if (transferRef != null && itemOfTransfer(orgId, transferRef).isPresent()) {
            throw DomainException.conflict("transfer ref " + transferRef + " is already in use",
                    Map.of("field", "ref", "ref", transferRef));
        }
        try {
            jdbc.update("INSERT INTO ledger_entry_index (entry_id, org_id, item_id, transfer_ref) VALUES (?,?,?,?)",
                    entryId, orgId, itemId, transferRef);
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyException("a concurrent entry claimed the same id or transfer ref", e);
        }
    }

    /** The item of the organisation's entry. */
    public Optional<String> itemOfEntry(String orgId, String entryId) {
        return jdbc.queryForList("SELECT item_id FROM ledger_entry_index WHERE org_id = ? AND entry_id = ?",
                String.class, orgId, entryId).stream().findFirst();
    }

    /** The item of the organisation's transfer with this ref. */
    public Optional<String> itemOfTransfer(String orgId, String ref) {
        return jdbc.queryForList("SELECT item_id FROM ledger_entry_index WHERE org_id = ? AND transfer_ref = ?",
                String.class, orgId, ref).stream().findFirst();
    }
}
