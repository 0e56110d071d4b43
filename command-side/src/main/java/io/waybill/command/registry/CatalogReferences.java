package io.waybill.command.registry;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.command.support.CarriedWrites;
import io.waybill.command.support.SideTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which catalog records are used, and by what. Command handlers record a use in the transaction that stores the
 * event making it, and a delete checks for uses in the transaction that stores the deletion. Both lock the used
 * record's registry row first, so a delete and a new use of the same record cannot both succeed.
 * <p>
 * A {@link SideTable}: a use ends as a row marked {@code released}, not as no row, so that each use of a record by a
 * referrer has one row whose {@code version} counts its writes; each write rides in its command's first event and
 * stays {@code pending} (with the row as it was) until the side tables' processor sees that event stored, and one no
 * stored event carries is taken back.
 */
@Component
public class CatalogReferences implements SideTable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogReferences.class);
    private static final String KEY = "catalogReferenceWrites";
    private static final int SAMPLE = 5;
    private static final int BATCH = 100;
    private final JdbcTemplate jdbc;
    private final CarriedWrites writes;
    private final Clock clock;

    /** References whose writes no event carries (tests of one aggregate, which store no events). */
    public CatalogReferences(JdbcTemplate jdbc) {
        this(jdbc, CarriedWrites.none(), Clock.systemUTC());
    }

    @Autowired
    CatalogReferences(JdbcTemplate jdbc, CarriedWrites writes, Clock clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.clock = clock;
    }

    /**
     * Records that {@code referrerId} uses {@code targetId}, which must be a live {@code kind} record of the
     * organisation ({@code not_found} otherwise). A use already recorded needs no lock: it already keeps the
     * target from being deleted.
     */
    public void use(String orgId, Kind kind, String targetId, String referrerId) {
        List<Map<String, Object>> row = row(targetId, referrerId);
        if (!row.isEmpty() && !Boolean.TRUE.equals(row.get(0).get("released"))) {
            return;
        }
        lockLive(orgId, kind, targetId);
        if (row.isEmpty()) {
            if (jdbc.update("INSERT INTO catalog_reference (target_id, referrer_id, org_id, released, version, "
                    + "pending, written_at) SELECT ?, ?, ?, FALSE, 1, ?, ? WHERE NOT EXISTS (SELECT 1 FROM "
                    + "catalog_reference WHERE target_id = ? AND referrer_id = ?)", targetId, referrerId, orgId,
                    writes.pending(), clock.millis(), targetId, referrerId) == 1) {
                carry(orgId, targetId, referrerId, 1, false);
            }
            return;
        }
        write(row.get(0), false);
    }

    public void release(String targetId, String referrerId) {
        List<Map<String, Object>> row = row(targetId, referrerId);
        if (!row.isEmpty() && !Boolean.TRUE.equals(row.get(0).get("released"))) {
            write(row.get(0), true);
        }
    }

    /** Forgets everything {@code referrerId} of the organisation uses (it was deleted). */
    public void releaseAll(String orgId, String referrerId) {
        jdbc.queryForList("SELECT target_id, referrer_id, org_id, version FROM catalog_reference WHERE org_id = ? "
                + "AND referrer_id = ? AND released = FALSE", orgId, referrerId).forEach(row -> write(row, true));
    }

    /** What uses the record, at most a few of them, and how many in all. */
    public Uses uses(String targetId) {
        int count = jdbc.queryForObject("SELECT COUNT(*) FROM catalog_reference WHERE target_id = ? "
                + "AND released = FALSE", Integer.class, targetId);
        List<String> sample = jdbc.queryForList("SELECT referrer_id FROM catalog_reference WHERE target_id = ? "
                + "AND released = FALSE ORDER BY referrer_id LIMIT " + SAMPLE, String.class, targetId);
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

    private List<Map<String, Object>> row(String targetId, String referrerId) {
        return jdbc.queryForList("SELECT target_id, referrer_id, org_id, version, released, pending "
                + "FROM catalog_reference WHERE target_id = ? AND referrer_id = ?", targetId, referrerId);
    }

    /** Marks the use released (or in use again), keeping what it was to take the write back. */
    private void write(Map<String, Object> row, boolean released) {
        long version = ((Number) row.get("version")).longValue();
        long next = CarriedWrites.after(version);
        String target = (String) row.get("target_id");
        String referrer = (String) row.get("referrer_id");
        jdbc.update("UPDATE catalog_reference SET released = ?, version = ?, pending = ?, written_at = ?, "
                + "prev_version = version, prev_released = released WHERE target_id = ? AND referrer_id = ?",
                released, next, writes.pending(), clock.millis(), target, referrer);
        carry((String) row.get("org_id"), target, referrer, next, released);
    }

    private void carry(String orgId, String target, String referrer, long version, boolean released) {
        if (writes.carrying()) {
            writes.carry(KEY, Arrays.asList(orgId, target, referrer, Long.toString(version),
                    Boolean.toString(released)));
        }
    }

    @Override
    public String writes() {
        return KEY;
    }

    @Override
    public void repair(List<String> write) {
        String target = write.get(1);
        String referrer = write.get(2);
        long version = Long.parseLong(write.get(3));
        boolean released = Boolean.parseBoolean(write.get(4));
        List<Map<String, Object>> row = row(target, referrer);
        long current = row.isEmpty() ? 0 : ((Number) row.get(0).get("version")).longValue();
        if (current == version && Boolean.TRUE.equals(row.get(0).get("pending"))) {
            jdbc.update("UPDATE catalog_reference SET pending = FALSE WHERE target_id = ? AND referrer_id = ? "
                    + "AND version = ?", target, referrer, version);
        } else if (row.isEmpty()) {
            if (jdbc.update("INSERT INTO catalog_reference (target_id, referrer_id, org_id, released, version) "
                    + "VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING", target, referrer, write.get(0), released,
                    version) == 0) {
                repair(write);
            }
        } else if (current < version) {
            jdbc.update("UPDATE catalog_reference SET released = ?, version = ?, pending = FALSE, prev_version = NULL, "
                    + "prev_released = NULL WHERE target_id = ? AND referrer_id = ? AND version = ?", released,
                    version, target, referrer, current);
        }
    }

    @Override
    public void takeBack(long before) {
        for (Map<String, Object> row : jdbc.queryForList("SELECT target_id, referrer_id, version, prev_version, "
                + "prev_released FROM catalog_reference WHERE pending = TRUE AND written_at < ? ORDER BY written_at "
                + "LIMIT " + BATCH, before)) {
            if (row.get("prev_version") == null) {
                jdbc.update("DELETE FROM catalog_reference WHERE target_id = ? AND referrer_id = ? AND version = ? "
                        + "AND pending = TRUE", row.get("target_id"), row.get("referrer_id"), row.get("version"));
            } else {
                jdbc.update("UPDATE catalog_reference SET released = ?, version = ?, pending = FALSE, "
                        + "prev_version = NULL, prev_released = NULL WHERE target_id = ? AND referrer_id = ? "
                        + "AND version = ? AND pending = TRUE", row.get("prev_released"), row.get("prev_version"),
                        row.get("target_id"), row.get("referrer_id"), row.get("version"));
            }
            LOG.warn("catalog references: a write to the use of {} by {} no stored event carries was taken back",
                    row.get("target_id"), row.get("referrer_id"));
        }
    }

    /** How many records use a record, and the ids of a few of them. */
    public record Uses(int count, List<String> sample) {
    }
}
