package io.waybill.query.ops;

import io.waybill.api.DomainException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Reading and driving this process's projections. Blocking (the event store and token store are JDBC). */
@Component
class ProjectionOps {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProjectionOps(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    List<ProjectionStatus> all() {
        long head = head();
        return processing.eventProcessors().keySet().stream().sorted()
                .map(name -> status(name, processor(name), head)).toList();
    }

    ProjectionStatus one(String name) {
        return status(name, processor(name), head());
    }

    /**
     * Clears the projection's read model (its reset handler) and rebuilds it from the first event. The process
     * must be able to claim every segment: stop the projection on other query sides first.
     */
    ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            throw DomainException.conflict("another process holds segments of projection " + name
                    + "; stop the projection there before replaying", Map.of("projection", name));
        } finally {
            processor.start();
        }
        return one(name);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> DomainException.notFound("projection", name));
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private static ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        List<ProjectionStatus.Segment> segments = status.values().stream()
                .sorted(Comparator.comparingInt(s -> s.getSegment().getSegmentId()))
                .map(s -> new ProjectionStatus.Segment(s.getSegment().getSegmentId(),
                        s.getCurrentPosition().orElse(-1), s.isCaughtUp(), s.isReplaying(),
                        s.getError() == null ? null : s.getError().getClass().getSimpleName() + ": "
                                + s.getError().getMessage()))
                .toList();
        Long lag = segments.isEmpty() ? null
                : head - segments.stream().mapToLong(ProjectionStatus.Segment::position).min().orElse(head);
        return new ProjectionStatus(name, processor.isRunning(), processor.isError(), head, lag, segments);
    }
}
