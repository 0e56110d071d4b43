package io.waybill.query.timeline;

import io.waybill.api.Page;
import io.waybill.api.RecordStreams;
import io.waybill.api.timeline.TimelineEntry;
import io.waybill.platform.web.BlockingCalls;
import io.waybill.platform.web.Cursor;
import io.waybill.platform.web.PageRequest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads histories from the event store: the events of one or more aggregates, merged in the order they happened
 * (time, then aggregate, then sequence), each with its actor, correlation id and payload. Of a stream whose first
 * events were answered before, their entries are kept ({@link RenderedEntries}) and only the events after them are
 * read. Reading the event store blocks, so it runs on the bounded blocking scheduler.
 */
@Component
public class TimelineReader {

    private static final Comparator<Read> ORDER = Comparator.comparing(Read::time)
            .thenComparing(Read::aggregateId)
            .thenComparingLong(Read::sequence);
    private static final Predicate<Object> EVERY_EVENT = payload -> true;
    private final EventStore eventStore;
    private final Serializer serializer;
    private final BlockingCalls blocking;
    private final RenderedEntries rendered;
    private final JsonMapper json;

    TimelineReader(EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer,
                   BlockingCalls blocking, RenderedEntries rendered, JsonMapper json) {
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.blocking = blocking;
        this.rendered = rendered;
        this.json = json;
    }

    /**
     * One stream to read ({@link RecordStreams}: an order's, a lot's, a purchase or work order's is named by its
     * organisation and id), and which of its events belong to the history asked for.
     */
    public record Source(String streamId, Predicate<Object> payloadFilter) {

        public static Source all(String streamId) {
            return new Source(streamId, EVERY_EVENT);
        }

        /** Whether the event belongs to the history; asks for its payload only where the history must look. */
        boolean takes(Read read) {
            return payloadFilter == EVERY_EVENT || payloadFilter.test(read.payload());
        }
    }

    /**
     * An event of a history, where it sorts (its time, stream and sequence number), and its entry as kept from an
     * earlier read, or else the event as read from the store with the metadata the history shows of it.
     */
    private record Read(Instant time, String aggregateId, long sequence, RenderedEntries.Rendered kept,
                        DomainEventMessage<?> event, HistoryMetadata metadata) {

        static Read kept(String streamId, RenderedEntries.Rendered kept) {
            return new Read(kept.entry().time(), streamId, kept.entry().sequenceNumber(), kept, null, null);
        }

        static Read stored(DomainEventMessage<?> event, HistoryMetadata metadata) {
            return new Read(event.getTimestamp(), event.getAggregateIdentifier(), event.getSequenceNumber(), null,
                    event, metadata);
        }

        String orgId() {
            return kept != null ? kept.orgId() : metadata.orgId();
        }

        Object payload() {
            return kept != null ? kept.entry().payload() : event.getPayload();
        }

        boolean isAfter(Position position) {
            int byTime = time.compareTo(position.time());
            if (byTime != 0) {
                return byTime > 0;
            }
            int byAggregate = aggregateId.compareTo(position.aggregateId());
            return byAggregate != 0 ? byAggregate > 0 : sequence > position.sequence();
        }
    }

    /**
     * The page the request asks for of the histories that {@code sources} finds; the request is checked first,
     * so a bad parameter is refused before anything is looked up.
     */
    public Mono<Page<TimelineEntry>> read(String orgId, TimelineRequest request, Mono<List<Source>> sources) {
        PageRequest page = request.page();
        Instant since = request.since();
        return sources.flatMap(found -> read(orgId, found, since, page));
    }

    /**
     * Of each stream, the entries kept of its first events, then the events after them from the store; the entries
     * of the page's events that were not kept yet are written and kept.
     */
    private Mono<Page<TimelineEntry>> read(String orgId, List<Source> sources, Instant onOrAfter, PageRequest page) {
        Position after = page.cursor() == null ? null : Position.decode(page.cursor());
        return blocking.call(() -> {
            List<Read> events = new ArrayList<>();
            for (Source source : sources) {
                List<RenderedEntries.Rendered> kept = rendered.kept(source.streamId());
                kept.forEach(entry -> take(events, source, orgId, Read.kept(source.streamId(), entry)));
                eventStore.readEvents(source.streamId(), kept.size()).asStream()
                        .forEach(e -> take(events, source, orgId, Read.stored(e, HistoryMetadata.of(e, serializer))));
            }
            List<Read> found = events.stream()
                    .filter(read -> onOrAfter == null || !read.time().isBefore(onOrAfter))
                    .sorted(ORDER)
                    .filter(read -> after == null || read.isAfter(after))
                    .limit(page.limit() + 1L)
                    .toList();
            List<RenderedEntries.Rendered> shown = found.stream().limit(page.limit()).map(this::rendered).toList();
            keepNew(found, shown);
            String next = found.size() > shown.size() ? shown.get(shown.size() - 1).entry().position() : null;
            return new Page<>(new RenderedEntries.Entries(shown), next);
        });
    }

    private static void take(List<Read> events, Source source, String orgId, Read read) {
        if (orgId.equals(read.orgId()) && source.takes(read)) {
            events.add(read);
        }
    }

    /** The entry kept for the event, or a new one with its JSON. */
    private RenderedEntries.Rendered rendered(Read read) {
        if (read.kept() != null) {
            return read.kept();
        }
        TimelineEntry entry = entry(read.event(), read.metadata(), null);
        return new RenderedEntries.Rendered(read.orgId(), entry, json.writeValueAsString(entry));
    }

    /** Keeps, stream by stream, the entries just written. */
    private void keepNew(List<Read> found, List<RenderedEntries.Rendered> shown) {
        Map<String, List<RenderedEntries.Rendered>> byStream = new HashMap<>();
        for (int i = 0; i < shown.size(); i++) {
            if (found.get(i).kept() == null) {
                byStream.computeIfAbsent(found.get(i).aggregateId(), stream -> new ArrayList<>()).add(shown.get(i));
            }
        }
        byStream.forEach(rendered::keep);
    }

    public static Instant parseTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw io.waybill.api.DomainException.invalid("eventTimeOnOrAfter",
                    "must be a date-time with offset, like 2026-03-31T09:30:00Z");
        }
    }

    /**
     * The entry of an event, with its place in the whole store when it is known, naming its record's own id.
     */
    public static TimelineEntry entry(DomainEventMessage<?> e, HistoryMetadata metadata, Long globalPosition) {
        return new TimelineEntry(e.getIdentifier(), e.getPayloadType().getSimpleName(), e.getTimestamp(),
                metadata.actor(), metadata.tokenId(), metadata.correlationId(), e.getType(),
                RecordStreams.recordId(e.getAggregateIdentifier()), e.getSequenceNumber(), Position.of(e).encode(),
                e.getPayload(),
                globalPosition);
    }

    /** Where a timeline resumes: right after the event with this time, aggregate and sequence number. */
    record Position(Instant time, String aggregateId, long sequence) {

        static Position of(DomainEventMessage<?> e) {
            return new Position(e.getTimestamp(), e.getAggregateIdentifier(), e.getSequenceNumber());
        }

        static Position decode(String cursor) {
            List<String> keys = Cursor.decode(cursor, 3);
            try {
                return new Position(Instant.parse(keys.get(0)), keys.get(1), Long.parseLong(keys.get(2)));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw Cursor.invalid();
            }
        }

        String encode() {
            return Cursor.encode(time.toString(), aggregateId, Long.toString(sequence));
        }
    }
}
