package io.waybill.command.registry;

import io.waybill.platform.axon.CommandProcess;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Derives the registry from the events: each write an event carries ({@link RegistryWrites}) is made again, over an
 * older version of its row only. In the usual case the command made it already and this confirms it (one statement:
 * the row is no longer {@code pending}); a row missing or older than the write (its write lost beside stored events)
 * is written from the event. Run from the start of the store over an empty table, it rebuilds every row written since
 * writes are carried. A name the write gives that another row holds (one whose own write is to be taken back, see
 * {@link RegistrySweeper}) is left off the row, and said in the log.
 */
@Component
@CommandProcess
@ProcessingGroup(RegistryProjector.PROCESSOR)
public class RegistryProjector {

    public static final String PROCESSOR = "registry";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryProjector.class);
    private final JdbcTemplate jdbc;
    private final EntityRegistry registry;
    private final AtomicReference<Instant> seen = new AtomicReference<>();

    RegistryProjector(JdbcTemplate jdbc, EntityRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        for (RegistryWrite write : RegistryWrite.decode(event.getMetaData().get(RegistryWrite.METADATA))) {
            apply(write);
        }
        seen.accumulateAndGet(event.getTimestamp(), (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    /** The time of the latest event this process has applied, if it has applied any. */
    Optional<Instant> lastSeen() {
        return Optional.ofNullable(seen.get());
    }

    private void apply(RegistryWrite write) {
        if (jdbc.update("UPDATE entity_registry SET pending = FALSE WHERE org_id = ? AND id = ? AND version = ? "
                + "AND pending = TRUE", write.orgId(), write.id(), write.version()) == 1) {
            return;
        }
        Optional<RegistryEntry> row = registry.find(write.orgId(), write.id());
        if (row.isPresent() && row.get().version() >= write.version()) {
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
            jdbc.update("INSERT INTO entity_registry (id, org_id, kind, parent_id, unique_name, deleted, version) "
                    + "VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING", write.id(), write.orgId(), write.kind(),
                    write.parentId(), name, write.deleted(), write.version());
        } else {
            jdbc.update("UPDATE entity_registry SET kind = ?, parent_id = ?, unique_name = ?, deleted = ?, "
                    + "version = ?, pending = FALSE, prev_version = NULL, prev_unique_name = NULL, prev_deleted = NULL "
                    + "WHERE org_id = ? AND id = ? AND version = ?", write.kind(), write.parentId(), name,
                    write.deleted(), write.version(), write.orgId(), write.id(), row.get().version());
        }
    }
}
