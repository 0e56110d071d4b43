package io.waybill.query.ops;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the database says about the projections: the segments in the token store (every process's, not only this
 * one's), the head of the event store, when the event after a position was stored, and how many events are parked.
 */
@Component
class ProjectionPositions {

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final Serializer serializer;
    private final boolean axonServer;

    ProjectionPositions(JdbcTemplate jdbc, EventStore eventStore, Serializer serializer,
                        @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.axonServer = axonServer;
    }

    /** A segment's row in {@code tokenentry}; position -1 before its first event. */
    record StoredSegment(int segment, String owner, long position) {
    }

    List<StoredSegment> segments(String projection) {
        return jdbc.query("SELECT segment, owner, token, tokentype FROM tokenentry WHERE processorname = ? "
                        + "ORDER BY segment",
                (row, i) -> new StoredSegment(row.getInt("segment"), row.getString("owner"),
                        position(row.getBytes("token"), row.getString("tokentype"))), projection);
    }

    long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** The position of the first event in the store (0 while it is empty). */
    long first() {
        TrackingToken tail = eventStore.createTailToken();
        return tail == null ? 0 : tail.position().orElse(-1) + 1;
    }

    /** When the first event after {@code position} was stored, if there is one. */
    Optional<Instant> firstEventAfter(long position) {
        if (axonServer) {
            try (BlockingStream<TrackedEventMessage<?>> stream =
                         eventStore.openStream(new GlobalSequenceTrackingToken(position))) {
                return stream.hasNextAvailable(1, TimeUnit.SECONDS)
                        ? stream.peek().map(TrackedEventMessage::getTimestamp) : Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return jdbc.query("SELECT timestamp FROM domainevententry WHERE globalindex > ? ORDER BY globalindex "
                        + "LIMIT 1", (row, i) -> Instant.parse(row.getString(1)), position)
                .stream().findFirst();
    }

    long deadLetters(String projection) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM deadletterentry WHERE processinggroup = ?",
                Long.class, projection);
        return count == null ? 0 : count;
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }
}
