package io.waybill.api.timeline;

import java.time.Instant;

/**
 * One event of a history, as read from the event store: who caused it (the user, and the API token they sent), under
 * which correlation id. {@code position} is the cursor that resumes the timeline right after this entry.
 */
public record TimelineEntry(String eventId, String type, Instant time, String actor, String tokenId,
                            String correlationId, String aggregateType, String aggregateId, long sequenceNumber, String position,
                            Object payload) {
}
