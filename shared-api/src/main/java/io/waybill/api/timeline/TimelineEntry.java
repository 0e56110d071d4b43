package io.waybill.api.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One event of a history, as read from the event store: who caused it (the user, and the API token they sent), under
 * which correlation id. {@code position} is the cursor that resumes the list it was answered in right after this
 * entry. {@code globalPosition} is the event's place in the whole store, answered by the events list and streams
 * (a stream's {@code Last-Event-ID}); timelines leave it out.
 */
public record TimelineEntry(String eventId, String type, Instant time, String actor, String tokenId,
                            String correlationId, String aggregateType, String aggregateId, long sequenceNumber, String position,
                            Object payload, @JsonInclude(JsonInclude.Include.NON_NULL) Long globalPosition) {

    public TimelineEntry(String eventId, String type, Instant time, String actor, String tokenId, String correlationId,
                         String aggregateType, String aggregateId, long sequenceNumber, String position,
                         Object payload) {
        this(eventId, type, time, actor, tokenId, correlationId, aggregateType, aggregateId, sequenceNumber, position,
                payload, null);
    }

    public TimelineEntry withPosition(String newPosition) {
        return new TimelineEntry(eventId, type, time, actor, tokenId, correlationId, aggregateType, aggregateId,
                sequenceNumber, newPosition, payload, globalPosition);
    }
}
