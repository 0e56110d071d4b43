package io.waybill.command.inventory;

import io.waybill.api.DomainException;
import io.waybill.command.support.CarriedWrites;
import io.waybill.command.support.SideTable;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command side's index of ledger entries: which ledger each entry id belongs to and which transfer each ref
 * names, per organisation (entry ids and refs are a client's own, unique within its organisation). Written by the
 * ledger's handlers in the transaction that stores the entry; read by the web layer to find the ledger an entry id
 * or a transfer ref belongs to. A {@link SideTable}: each claim rides in the entry's event and stays {@code pending}
 * until the side tables' processor sees that event stored; a claim no stored event carries is taken back, so the id
 * and ref are free again.
 */
@Component
public class LedgerBook implements SideTable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerBook.class);
    private static final String KEY = "ledgerIndexWrites";
    private final JdbcTemplate jdbc;
    private final CarriedWrites writes;
    private final Clock clock;

    /** A book whose claims no event carries (tests of one aggregate, which store no events). */
    public LedgerBook(JdbcTemplate jdbc) {
        this(jdbc, CarriedWrites.none(), Clock.systemUTC());
    }

    @Autowired
    LedgerBook(JdbcTemplate jdbc, CarriedWrites writes, Clock clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.clock = clock;
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
            jdbc.update("INSERT INTO ledger_entry_index (entry_id, org_id, item_id, transfer_ref, pending, written_at) "
                    + "VALUES (?,?,?,?,?,?)", entryId, orgId, itemId, transferRef, writes.pending(), clock.millis());
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyException("a concurrent entry claimed the same id or transfer ref", e);
        }
        if (writes.carrying()) {
            writes.carry(KEY, Arrays.asList(orgId, entryId, itemId, transferRef));
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

    @Override
    public String writes() {
        return KEY;
    }

    /** Confirms the claim, or makes it when it is missing (an entry is claimed once and never changes). */
    @Override
    public void repair(List<String> write) {
        String orgId = write.get(0);
        String entryId = write.get(1);
        List<Boolean> pending = jdbc.queryForList("SELECT pending FROM ledger_entry_index WHERE org_id = ? "
                + "AND entry_id = ?", Boolean.class, orgId, entryId);
        if (pending.isEmpty()) {
            jdbc.update("INSERT INTO ledger_entry_index (entry_id, org_id, item_id, transfer_ref) VALUES (?,?,?,?) "
                    + "ON CONFLICT DO NOTHING", entryId, orgId, write.get(2), write.get(3));
        } else if (pending.get(0)) {
            jdbc.update("UPDATE ledger_entry_index SET pending = FALSE WHERE org_id = ? AND entry_id = ?", orgId,
                    entryId);
        }
    }

    @Override
    public void takeBack(long before) {
        int removed = jdbc.update("DELETE FROM ledger_entry_index WHERE pending = TRUE AND written_at < ?", before);
        if (removed > 0) {
            LOG.warn("ledger entry index: {} entry ids claimed by commands no stored event carries were freed",
                    removed);
        }
    }
}
