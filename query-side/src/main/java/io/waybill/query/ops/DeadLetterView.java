package io.waybill.query.ops;

import java.time.Instant;

/**
 * A parked event. {@code id} is the dead-letter queue's own id of the letter (a UUID); {@code sequence} is the
 * id of the record whose events its projection orders one after another, and {@code positionInSequence} how many
 * parked events of that sequence are ahead of it (0: the one that failed, the others wait behind it).
 * {@code retries} counts the retries that failed again.
 */
public record DeadLetterView(String id, String projection, String sequence, long positionInSequence,
                             String eventId, String eventType, String aggregateType, String aggregateId,
                             Long aggregateSequenceNumber, Instant eventTime, Cause cause, Instant enqueuedAt,
                             Instant lastTouched, long retries) {

    public record Cause(String type, String message) {
    }
}
