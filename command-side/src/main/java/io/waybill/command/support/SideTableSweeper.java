package io.waybill.command.support;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Takes back side-table writes no stored event carries: a command whose writes committed while its events did not
 * (with Axon Server the JDBC transaction commits first and the append after, and a process can die between the two).
 * Such a write stays pending; once the {@link SideTables} processor has applied every event up to
 * {@code waybill.side-tables.sweep-after} past it, its event would have been seen, so the table takes it back. Runs
 * where that processor runs, every {@code waybill.side-tables.sweep-every}.
 */
@Component
class SideTableSweeper {

    private final EventProcessingConfiguration processing;
    private final SideTables sideTables;
    private final Clock clock;
    private final Duration after;

    SideTableSweeper(EventProcessingConfiguration processing, SideTables sideTables, Clock clock,
                     @Value("${waybill.side-tables.sweep-after:60s}") Duration after) {
        this.processing = processing;
        this.sideTables = sideTables;
        this.clock = clock;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${waybill.side-tables.sweep-every:10s}")
    void sweep() {
        seenThrough().ifPresent(through -> {
            long before = through.minus(after).toEpochMilli();
            sideTables.tables().forEach(table -> table.takeBack(before));
        });
    }

    /**
     * Up to when this process has applied every stored event to the side tables: now while its processor is caught
     * up, else the time of the latest event it applied; nothing where another process runs it.
     */
    private Optional<Instant> seenThrough() {
        Map<Integer, EventTrackerStatus> status = processing
                .eventProcessor(SideTables.PROCESSOR, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        if (status.isEmpty()) {
            return Optional.empty();
        }
        return status.values().stream().allMatch(EventTrackerStatus::isCaughtUp) ? Optional.of(clock.instant())
                : sideTables.lastSeen();
    }
}
