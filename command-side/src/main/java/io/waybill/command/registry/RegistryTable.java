package io.waybill.command.registry;

import io.waybill.command.support.SideTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry as a {@link SideTable}. A carried write is made again over an older version of its row only: usually
 * the command made it already, which one lookup by key finds (and a pending row is confirmed); a row missing or older
 * than the write is written from the event. A name the write gives that another row holds (one whose
 * own write is still to be taken back) is left off the row, and said in the log. A write taken back gives the row
 * what it was before it, or removes the row the write made.
 */
@Component
class RegistryTable implements SideTable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryTable.class);
    private static final int BATCH = 100;
    private final JdbcTemplate jdbc;
    private final EntityRegistry registry;

    RegistryTable(JdbcTemplate jdbc, EntityRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @Override
    public String writes() {
        return RegistryWrite.KEY;
    }

    @Override
    public void repair(List<String> carried) {
        RegistryWrite write = RegistryWrite.decode(carried);
        Optional<Map<String, Object>> row = jdbc.queryForList("SELECT version, pending FROM entity_registry "
                + "WHERE org_id = ? AND id = ?", write.orgId(), write.id()).stream().findFirst();
        long version = row.map(r -> ((Number) r.get("version")).longValue()).orElse(0L);
        if (version == write.version() && Boolean.TRUE.equals(row.get().get("pending"))) {
            jdbc.update("UPDATE entity_registry SET pending = FALSE WHERE org_id = ? AND id = ? AND version = ?",
                    write.orgId(), write.id(), version);
            return;
        }
        if (version >= write.version()) {
            return;
        }
        String name = write.uniqueName();
        if (name != null) {
            Optional<String> holder = registry.holderOf(write.orgId(), write.kind(), write.parentId(), name,
                    write.id());
            if (holder.isPresent()) {
                LOG.warn("registry: the name {} of {} is held by {}; {} is written without it", name, write.id(),
                        holder.get(), write.id());
                name = null;
            }
        }
        if (row.isEmpty()) {
            if (jdbc.update("INSERT INTO entity_registry (id, org_id, kind, parent_id, unique_name, deleted, version) "
                    + "VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING", write.id(), write.orgId(), write.kind(),
                    write.parentId(), name, write.deleted(), write.version()) == 0) {
                // another segment of the processor wrote the row meanwhile (a row's writes may come from two
                // aggregates): compare with what it wrote
                repair(carried);
            }
        } else {
            jdbc.update("UPDATE entity_registry SET kind = ?, parent_id = ?, unique_name = ?, deleted = ?, "
                    + "version = ?, pending = FALSE, prev_version = NULL, prev_unique_name = NULL, prev_deleted = NULL "
                    + "WHERE org_id = ? AND id = ? AND version = ?", write.kind(), write.parentId(), name,
                    write.deleted(), write.version(), write.orgId(), write.id(), version);
        }
    }

    @Override
    public void takeBack(long before) {
        jdbc.queryForList("SELECT org_id, id, version, prev_version, prev_unique_name, prev_deleted "
                + "FROM entity_registry WHERE pending = TRUE AND written_at < ? ORDER BY written_at LIMIT " + BATCH,
                before).forEach(this::takeBack);
    }

    private void takeBack(Map<String, Object> row) {
        Object org = row.get("org_id");
        Object id = row.get("id");
        if (row.get("prev_version") == null) {
            jdbc.update("DELETE FROM entity_registry WHERE org_id = ? AND id = ? AND version = ? AND pending = TRUE",
                    org, id, row.get("version"));
            LOG.warn("registry: {} of organisation {} was written by a command no stored event carries; removed", id,
                    org);
            return;
        }
        Object name = row.get("prev_unique_name");
        try {
            restore(row, name);
        } catch (DuplicateKeyException taken) {
            LOG.warn("registry: the name {} of {} was taken meanwhile; {} is restored without it", name, id, id);
            restore(row, null);
        }
        LOG.warn("registry: a write to {} of organisation {} no stored event carries was taken back", id, org);
    }

    private void restore(Map<String, Object> row, Object name) {
        jdbc.update("UPDATE entity_registry SET unique_name = ?, deleted = ?, version = ?, pending = FALSE, "
                + "prev_version = NULL, prev_unique_name = NULL, prev_deleted = NULL "
                + "WHERE org_id = ? AND id = ? AND version = ? AND pending = TRUE", name, row.get("prev_deleted"),
                row.get("prev_version"), row.get("org_id"), row.get("id"), row.get("version"));
    }
}
