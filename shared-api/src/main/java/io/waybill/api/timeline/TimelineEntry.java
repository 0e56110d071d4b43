package io.waybill.api.timeline;

import java.time.Instant;

/**
 * One event of a history, as read from the event store. {@code position} is the cursor that resumes the timeline
 * right after this entry.
 */
public record TimelineEntry(String eventId, String type, Instant time, String actor, String correlationId,
                            String aggregateType, String aggregateId, long sequenceNumber, String position,
                            Object payload) {
}
