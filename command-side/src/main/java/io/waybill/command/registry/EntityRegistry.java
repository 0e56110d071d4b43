package io.waybill.command.registry;

import io.waybill.api.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which ids exist, in which organisation and under which parent, and their unique names. Command handlers write
 * it in the transaction that stores their events, so a unique name is claimed exactly when the event that
 * carries it is stored; the web layer reads it to turn unique names into ids.
 */
@Component
public class EntityRegistry {

    private static final RowMapper<RegistryEntry> ROW = (rs, n) -> new RegistryEntry(rs.getString("id"),
            rs.getString("org_id"), Kind.valueOf(rs.getString("kind")), rs.getString("parent_id"),
            rs.getString("unique_name"), rs.getBoolean("deleted"));
    private final JdbcTemplate jdbc;

    public EntityRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void register(String id, String orgId, Kind kind, String parentId, String uniqueName) {
        if (find(id).isPresent()) {
            throw DomainException.conflict("sid " + id + " is already in use", Map.of("sid", id));
        }
        try {
            jdbc.update("INSERT INTO entity_registry (id, org_id, kind, parent_id, unique_name) VALUES (?,?,?,?,?)",
                    id, orgId, kind.name(), parentId, uniqueName);
        } catch (DuplicateKeyException e) {
            throw clash(id, kind, uniqueName);
        }
    }

    public void rename(String id, Kind kind, String uniqueName) {
        try {
            jdbc.update("UPDATE entity_registry SET unique_name = ? WHERE id = ?", uniqueName, id);
        } catch (DuplicateKeyException e) {
            throw clash(id, kind, uniqueName);
        }
    }

    /** Frees the unique name; the id stays taken, as its history does. */
    public void markDeleted(String id) {
        jdbc.update("UPDATE entity_registry SET deleted = TRUE, unique_name = NULL WHERE id = ?", id);
    }

    public Optional<RegistryEntry> find(String id) {
        return jdbc.query("SELECT * FROM entity_registry WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** A live resource of the organisation, by id or else by unique name under the parent. */
    public Optional<RegistryEntry> resolve(String orgId, Kind kind, String parentId, String sidOrUniqueName) {
        Optional<RegistryEntry> byId = find(sidOrUniqueName)
                .filter(e -> e.orgId().equals(orgId) && e.kind() == kind && !e.deleted());
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

    private DomainException clash(String id, Kind kind, String uniqueName) {
        return DomainException.conflict("uniqueName " + uniqueName + " is already used by another " + kind.noun(),
                Map.of("field", "uniqueName", "uniqueName", String.valueOf(uniqueName), "sid", id));
    }
}
