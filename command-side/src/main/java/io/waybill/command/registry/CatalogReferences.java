package io.waybill.command.registry;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Which catalog records are used, and by what. Command handlers record a use in the transaction that stores the
 * event making it, and a delete checks for uses in the transaction that stores the deletion. Both lock the used
 * record's registry row first, so a delete and a new use of the same record cannot both succeed.
 */
@Component
public class CatalogReferences {

    private static final int SAMPLE = 5;
    private final JdbcTemplate jdbc;

    public CatalogReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code referrerId} uses {@code targetId}, which must be a live {@code kind} record of the
     * organisation ({@code not_found} otherwise). A use already recorded needs no lock: it already keeps the
     * target from being deleted.
     */
    public void use(String orgId, Kind kind, String targetId, String referrerId) {
        if (!jdbc.queryForList("SELECT 1 FROM catalog_reference WHERE target_id = ? AND referrer_id = ?",
                Integer.class, targetId, referrerId).isEmpty()) {
            return;
        }
        lockLive(orgId, kind, targetId);
        jdbc.update("INSERT INTO catalog_reference (target_id, referrer_id, org_id) SELECT ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM catalog_reference WHERE target_id = ? AND referrer_id = ?)",
                targetId, referrerId, orgId, targetId, referrerId);
    }

    public void release(String targetId, String referrerId) {
        jdbc.update("DELETE FROM catalog_reference WHERE target_id = ? AND referrer_id = ?", targetId, referrerId);
    }

    /** Forgets everything {@code referrerId} of the organisation uses (it was deleted). */
    public void releaseAll(String orgId, String referrerId) {
        jdbc.update("DELETE FROM catalog_reference WHERE org_id = ? AND referrer_id = ?", orgId, referrerId);
    }

    /** What uses the record, at most a few of them, and how many in all. */
    public Uses uses(String targetId) {
        int count = jdbc.queryForObject("SELECT COUNT(*) FROM catalog_reference WHERE target_id = ?", Integer.class,
                targetId);
        List<String> sample = jdbc.queryForList("SELECT referrer_id FROM catalog_reference WHERE target_id = ? "
                + "ORDER BY referrer_id LIMIT " + SAMPLE, String.class, targetId);
        return new Uses(count, sample);
    }

    /**
     * Refuses with {@code in_use} while anything uses the record. Locks the record's row, so that no new use
     * starts before the deletion that follows commits.
     */
    public void requireUnused(String orgId, Kind kind, String targetId) {
        lockLive(orgId, kind, targetId);
        Uses uses = uses(targetId);
        if (uses.count() > 0) {
            throw new DomainException(ErrorCode.IN_USE, kind.noun() + " " + targetId + " is in use by "
                    + uses.count() + (uses.count() == 1 ? " record" : " records"),
                    Map.of("id", targetId, "useCount", uses.count(), "usedBy", uses.sample()));
        }
    }

    private void lockLive(String orgId, Kind kind, String targetId) {
        boolean live = !jdbc.queryForList("SELECT id FROM entity_registry WHERE id = ? AND org_id = ? AND kind = ? "
                + "AND deleted = FALSE FOR UPDATE", String.class, targetId, orgId, kind.name()).isEmpty();
        if (!live) {
            throw DomainException.notFound(kind.noun(), targetId);
        }
    }

    /** How many records use a record, and the ids of a few of them. */
    public record Uses(int count, List<String> sample) {
    }
}
