package io.waybill.query.ops;

import io.waybill.api.DomainException;
import io.waybill.api.Page;
import io.waybill.platform.web.Cursor;
import io.waybill.platform.web.PageRequest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The organisation's parked events: listed, retried (the letter's whole sequence, in order, by this process's
 * handlers) and evicted. A letter of another organisation is {@code not_found}, as if it did not exist.
 * Blocking (JDBC).
 */
@Component
class DeadLetters {

    private final DeadLetterRows rows;
    private final EventProcessingConfiguration processing;

    DeadLetters(DeadLetterRows rows, EventProcessingConfiguration processing) {
        this.rows = rows;
        this.processing = processing;
    }

    /** What a retry or an eviction did, and the letters of the sequence still parked after it. */
    record Outcome(String id, String projection, String sequence, String outcome, List<DeadLetterView> parked) {
    }

    Page<DeadLetterView> list(String orgId, String projection, PageRequest request) {
        String afterEnqueued = null;
        String afterId = null;
        if (request.cursor() != null) {
            List<String> keys = Cursor.decode(request.cursor(), 2);
            afterEnqueued = keys.get(0);
            afterId = keys.get(1);
        }
        List<DeadLetterRows.Row> page = rows.page(orgId, projection, afterEnqueued, afterId, request.limit() + 1);
        Page<DeadLetterRows.Row> rowsPage = request.page(page,
                row -> Cursor.encode(row.storedEnqueuedAt(), row.view().id()));
        return new Page<>(rowsPage.data().stream().map(DeadLetterRows.Row::view).toList(), rowsPage.nextCursor());
    }

    DeadLetterView one(String orgId, String id) {
        return find(orgId, id).view();
    }

    /**
     * Processes the letter's sequence again from its first parked event: on success every letter of it is applied
     * in order and removed ({@code applied}); when one fails again it stays parked with the new cause, and so do
     * the ones behind it ({@code parked}).
     */
    Outcome retry(String orgId, String id) {
        DeadLetterRows.Row row = find(orgId, id);
        DeadLetterView letter = row.view();
        var processor = processing.sequencedDeadLetterProcessor(letter.projection())
                .orElseThrow(() -> DomainException.notFound("dead letter", id));
        processor.process(first -> first instanceof JdbcDeadLetter<?> stored
                && stored.getSequenceIdentifier().equals(row.storedSequence()));
        List<DeadLetterView> parked = parked(row);
        return new Outcome(id, letter.projection(), letter.sequence(), parked.isEmpty() ? "applied" : "parked",
                parked);
    }

    /** Drops the letter without applying it; the letters behind it stay parked until retried or evicted. */
    Outcome evict(String orgId, String id) {
        DeadLetterRows.Row row = find(orgId, id);
        DeadLetterView letter = row.view();
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(letter.projection())
                .orElseThrow(() -> DomainException.notFound("dead letter", id));
        for (DeadLetter<? extends EventMessage<?>> stored : queue.deadLetterSequence(row.storedSequence())) {
            if (stored instanceof JdbcDeadLetter<?> jdbc && jdbc.getIdentifier().equals(id)) {
                queue.evict(stored);
            }
        }
        return new Outcome(id, letter.projection(), letter.sequence(), "evicted", parked(row));
    }

    private List<DeadLetterView> parked(DeadLetterRows.Row row) {
        return rows.sequence(row.view().projection(), row.storedSequence()).stream().map(DeadLetterRows.Row::view)
                .toList();
    }

    private DeadLetterRows.Row find(String orgId, String id) {
        return rows.find(id).filter(row -> orgId.equals(row.orgId()))
                .orElseThrow(() -> DomainException.notFound("dead letter", id));
    }
}
