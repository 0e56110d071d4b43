package io.waybill.query.ops;

import io.waybill.api.DomainException;
import io.waybill.query.config.ProjectionErrors;
import io.waybill.query.config.ProjectionSettings;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reading and driving this process's projections. Blocking (the event store and token store are JDBC). */
@Component
class ProjectionOps {

    private final EventProcessingConfiguration processing;
    private final ProjectionPositions positions;
    private final ProjectionErrors errors;
    private final ProjectionSettings settings;
    private final Rebuilds rebuilds;
    private final Clock clock = Clock.systemUTC();

    ProjectionOps(EventProcessingConfiguration processing, ProjectionPositions positions, ProjectionErrors errors,
                  ProjectionSettings settings, Rebuilds rebuilds) {
        this.processing = processing;
        this.positions = positions;
        this.errors = errors;
        this.settings = settings;
        this.rebuilds = rebuilds;
    }

    List<ProjectionStatus> all() {
        long head = positions.head();
        return names().stream().map(name -> status(name, processor(name), head)).toList();
    }

    ProjectionStatus one(String name) {
        return status(name, processor(name), positions.head());
    }

    /** The projections of this process, by name. */
    List<String> names() {
        return processing.eventProcessors().keySet().stream().sorted().toList();
    }

    /**
     * A projection's state from this process's processor alone, without the database: what readiness reports,
     * so it still answers while the database is gone.
     */
    String state(String name) {
        return stateOf(name, processor(name));
    }

    /** Starts rebuilding the projection beside its current tables (see {@link Rebuilds}). */
    ProjectionStatus replay(String name) {
        rebuilds.start(name);
        return one(name);
    }

    /** Cancels the projection's running replay; its current tables serve on. */
    ProjectionStatus cancelReplay(String name) {
        rebuilds.cancel(name);
        return one(name);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> DomainException.notFound("projection", name));
    }

    /**
     * In error when the processor stopped on an error or one of its segments is failing and backing off (Axon's
     * {@code isError()} reports only the former); replaying while this process rebuilds the projection, the
     * moment of the take-over included, when the processor stands still on purpose.
     */
    private String stateOf(String name, StreamingEventProcessor processor) {
        if (processor.isError()
                || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return ProjectionStatus.ERROR;
        }
        if (rebuilds.rebuildingHere(name)) {
            return ProjectionStatus.REPLAYING;
        }
        if (!processor.isRunning()) {
            return ProjectionStatus.PAUSED;
        }
        return processor.isReplaying() ? ProjectionStatus.REPLAYING : ProjectionStatus.RUNNING;
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        List<ProjectionStatus.Segment> segments = positions.segments(name).stream()
                .map(stored -> segment(stored, local.get(stored.segment())))
                .toList();
        Long lagEvents = null;
        Long lagMillis = null;
        Instant oldestPending = null;
        if (!segments.isEmpty()) {
            long slowest = segments.stream().mapToLong(ProjectionStatus.Segment::position).min().orElse(head);
            lagEvents = Math.max(0, head - slowest);
            oldestPending = lagEvents == 0 ? null : positions.firstEventAfter(slowest).orElse(null);
            lagMillis = oldestPending == null ? 0
                    : Math.max(0, Duration.between(oldestPending, clock.instant()).toMillis());
        }
        return new ProjectionStatus(name, stateOf(name, processor), processor.isRunning(),
                settings.policyOf(name).code(), rebuilds.tables(name), head, lagEvents, lagMillis,
                lagMillis == null ? null : lagMillis / 1000.0, oldestPending, positions.deadLetters(name),
                errors.last(name).orElse(null), segments, rebuilds.progress(name));
    }

    private static ProjectionStatus.Segment segment(ProjectionPositions.StoredSegment stored,
                                                    EventTrackerStatus here) {
        if (here == null) {
            return new ProjectionStatus.Segment(stored.segment(), stored.owner(), false, stored.position(),
                    null, null, null);
        }
        return new ProjectionStatus.Segment(stored.segment(), stored.owner(), true,
                here.getCurrentPosition().orElse(stored.position()), here.isCaughtUp(), here.isReplaying(),
                here.getError() == null ? null : ProjectionErrors.describe(here.getError()));
    }
}
