package io.waybill.command.registry;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Takes back registry writes no stored event carries: a command whose registry write committed while its events did
 * not (with Axon Server the registry commits first, and a process can die between the two). Such a row stays
 * {@code pending}; once the registry processor has applied every event up to {@code waybill.registry.sweep-after}
 * past the write, its event would have been seen, so the row gets back what it was before the write, or goes if the
 * write made it. Runs where the registry processor runs, every {@code waybill.registry.sweep-every}.
 */
@Component
class RegistrySweeper {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrySweeper.class);
    private static final int BATCH = 100;
    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final RegistryProjector projector;
    private final Clock clock;
    private final Duration after;

    RegistrySweeper(JdbcTemplate jdbc, EventProcessingConfiguration processing, RegistryProjector projector,
                    Clock clock, @Value("${waybill.registry.sweep-after:60s}") Duration after) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.projector = projector;
        this.clock = clock;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${waybill.registry.sweep-every:10s}")
    void sweep() {
        seenThrough().ifPresent(through -> jdbc.queryForList("SELECT org_id, id, version, prev_version, "
                + "prev_unique_name, prev_deleted FROM entity_registry WHERE pending = TRUE AND written_at < ? "
                + "ORDER BY written_at LIMIT " + BATCH, through.minus(after).toEpochMilli()).forEach(this::takeBack));
    }

    /**
     * Up to when this process has applied every stored event to the registry: now while its processor is caught
     * up, else the time of the latest event it applied; nothing where another process runs it.
     */
    private Optional<Instant> seenThrough() {
        Map<Integer, EventTrackerStatus> status = processing
                .eventProcessor(RegistryProjector.PROCESSOR, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        if (status.isEmpty()) {
            return Optional.empty();
        }
        return status.values().stream().allMatch(EventTrackerStatus::isCaughtUp) ? Optional.of(clock.instant())
                : projector.lastSeen();
    }

    private void takeBack(Map<String, Object> row) {
        Object org = row.get("org_id");
        Object id = row.get("id");
        Object version = row.get("version");
        if (row.get("prev_version") == null) {
            jdbc.update("DELETE FROM entity_registry WHERE org_id = ? AND id = ? AND version = ? AND pending = TRUE",
                    org, id, version);
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
