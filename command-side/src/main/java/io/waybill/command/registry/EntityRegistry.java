package io.waybill.command.registry;

import io.waybill.api.DomainException;
import io.waybill.command.support.CarriedWrites;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which ids exist in each organisation, of which kind and under which parent, and their unique names. An id is
 * unique within its organisation (two organisations may each have a record {@code lot-1}), across kinds. Command
 * handlers write it in the transaction that stores their events, so a unique name is claimed exactly when the
 * event that carries it is stored; the web layer reads it to turn unique names into ids.
 * <p>
 * Each write a command makes is also carried by the command's first event ({@link CarriedWrites}): the row is
 * written {@code pending}, with its new {@code version} and what it was before, until the side tables' processor sees
 * that event among the stored ones ({@link RegistryTable}). So the table can be derived from the events, a write
 * whose events were lost (with Axon Server, the registry commits before the append) is taken back, and one lost
 * beside stored events is made again.
 */
@Component
public class EntityRegistry {

    private static final RowMapper<RegistryEntry> ROW = (rs, n) -> new RegistryEntry(rs.getString("id"),
            rs.getString("org_id"), rs.getString("kind"), rs.getString("parent_id"),
            rs.getString("unique_name"), rs.getBoolean("deleted"), rs.getLong("version"));
    private static final String UNIQUE_NAME = "uniqueName";
    private final JdbcTemplate jdbc;
    private final CarriedWrites writes;
    private final Clock clock;

    /** A registry whose writes no event carries (tests of one aggregate, which store no events). */
    public EntityRegistry(JdbcTemplate jdbc) {
        this(jdbc, CarriedWrites.none(), Clock.systemUTC());
    }

    @Autowired
    EntityRegistry(JdbcTemplate jdbc, CarriedWrites writes, Clock clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.clock = clock;
    }

    public void register(String id, String orgId, Kind kind, String parentId, String uniqueName) {
        register(id, orgId, kind, parentId, uniqueName, UNIQUE_NAME);
    }

    /**
     * Registers a record whose unique name the API calls {@code field} (a catalog record's code or name). One
     * statement when the id and the name are free: the primary key and the unique index decide, without a read
     * before the insert; only a refused insert is looked into, to say which of the two is taken.
     */
    public void register(String id, String orgId, Kind kind, String parentId, String uniqueName, String field) {
        try {
            if (jdbc.update("INSERT INTO entity_registry (id, org_id, kind, parent_id, unique_name, version, pending, "
                    + "written_at) VALUES (?,?,?,?,?,1,?,?) ON CONFLICT DO NOTHING", id, orgId, kind.name(), parentId,
                    uniqueName, writes.pending(), clock.millis()) == 1) {
                carry(new RegistryWrite(orgId, id, 1, kind.name(), parentId, uniqueName, false));
                return;
            }
        } catch (DuplicateKeyException e) {
            throw race(e);
        }
        if (find(orgId, id).isPresent()) {
            throw DomainException.conflict("id " + id + " is already in use", Map.of("id", id));
        }
        requireFreeName(id, orgId, kind, parentId, uniqueName, field);
        // the row that was in the way is gone again (its transaction rolled back): decide the command again
        throw new ConcurrencyException("a concurrent command held the same id or unique name and gave it up");
    }

    public void rename(String orgId, String id, Kind kind, String uniqueName) {
        rename(orgId, id, kind, uniqueName, UNIQUE_NAME);
    }

    public void rename(String orgId, String id, Kind kind, String uniqueName, String field) {
        RegistryEntry entry = find(orgId, id).orElseThrow(() -> DomainException.notFound(kind.noun(), id));
        requireFreeName(id, orgId, kind, entry.parentId(), uniqueName, field);
        try {
            write(entry, uniqueName, entry.deleted());
        } catch (DuplicateKeyException e) {
            throw race(e);
        }
    }

    /** Frees the unique name; the id stays taken, as its history does. */
    public void markDeleted(String orgId, String id) {
        find(orgId, id).ifPresent(entry -> write(entry, null, true));
    }

    /** Writes the row's name and deletion over {@code entry}, keeping what it was to take the write back. */
    private void write(RegistryEntry entry, String uniqueName, boolean deleted) {
        long version = CarriedWrites.after(entry.version());
        jdbc.update("UPDATE entity_registry SET unique_name = ?, deleted = ?, version = ?, pending = ?, "
                + "written_at = ?, prev_version = version, prev_unique_name = unique_name, prev_deleted = deleted "
                + "WHERE org_id = ? AND id = ?", uniqueName, deleted, version, writes.pending(), clock.millis(),
                entry.orgId(), entry.id());
        carry(new RegistryWrite(entry.orgId(), entry.id(), version, entry.kind(), entry.parentId(),
                uniqueName, deleted));
    }

    private void carry(RegistryWrite write) {
        if (writes.carrying()) {
            writes.carry(RegistryWrite.KEY, write.encoded());
        }
    }

    public Optional<RegistryEntry> find(String orgId, String id) {
        return jdbc.query("SELECT * FROM entity_registry WHERE org_id = ? AND id = ?", ROW, orgId, id).stream()
                .findFirst();
    }

    /** A live resource of the organisation, by id or else by unique name under the parent. */
    public Optional<RegistryEntry> resolve(String orgId, Kind kind, String parentId, String sidOrUniqueName) {
        Optional<RegistryEntry> byId = find(orgId, sidOrUniqueName).filter(e -> e.is(kind) && !e.deleted());
        if (byId.isPresent() || parentId == null) {
            return byId;
        }
        return jdbc.query("SELECT * FROM entity_registry WHERE org_id = ? AND kind = ? AND parent_id = ? "
                        + "AND unique_name = ? AND deleted = FALSE", ROW, orgId, kind.name(), parentId,
                sidOrUniqueName).stream().findFirst();
    }

    public RegistryEntry require(String orgId, Kind kind, String parentId, String sidOrUniqueName) {
        return resolve(orgId, kind, parentId, sidOrUniqueName)
                .orElseThrow(() -> DomainException.notFound(kind.noun(), sidOrUniqueName));
    }

    public List<String> liveChildren(String orgId, Kind kind, String parentId) {
        return jdbc.queryForList("SELECT id FROM entity_registry WHERE org_id = ? AND kind = ? AND parent_id = ? "
                + "AND deleted = FALSE ORDER BY id", String.class, orgId, kind.name(), parentId);
    }

    /** The other record that holds the unique name under the parent, if one does. */
    Optional<String> holderOf(String orgId, String kind, String parentId, String uniqueName, String id) {
        return jdbc.queryForList("SELECT id FROM entity_registry WHERE org_id = ? AND kind = ? AND parent_id = ? "
                + "AND unique_name = ? AND id <> ?", String.class, orgId, kind, parentId, uniqueName, id).stream()
                .findFirst();
    }

    private void requireFreeName(String id, String orgId, Kind kind, String parentId, String uniqueName,
                                 String field) {
        if (uniqueName != null && holderOf(orgId, kind.name(), parentId, uniqueName, id).isPresent()) {
            throw DomainException.conflict(field + " " + uniqueName + " is already used by another "
                    + kind.noun(), Map.of("field", field, field, uniqueName));
        }
    }

    /**
     * Another command claimed the same id or name at the same moment, in another process. The command is
     * retried: then it sees the other's outcome and answers accordingly.
     */
    private static ConcurrencyException race(DuplicateKeyException e) {
        return new ConcurrencyException("a concurrent command claimed the same id or unique name", e);
    }
}
