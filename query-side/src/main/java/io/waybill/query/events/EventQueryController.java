package io.waybill.query.events;

import io.waybill.platform.web.WholeNumbers;
import io.waybill.api.DomainException;
import io.waybill.api.Page;
import io.waybill.api.access.Role;
import io.waybill.api.timeline.TimelineEntry;
import io.waybill.platform.security.Access;
import io.waybill.platform.web.BlockingCalls;
import io.waybill.platform.web.Cursor;
import io.waybill.platform.web.PageRequest;
import io.waybill.platform.web.RequestContext;
import io.waybill.query.timeline.TimelineReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The organisation's events in the order of the store (global position), and one event by id. A page never
 * reaches past the streams' safe position, so a cursor never steps over an event that commits late.
 */
@RestController
@Access(Role.VIEWER)
class EventQueryController {

    /** Rows read for one page at most: another organisation's events are read and skipped. */
    private static final int SCAN_LIMIT = 5000;
    private static final int CHUNK = 500;
    private final ObjectProvider<StoredEvents> store;
    private final ObjectProvider<EventFeed> feed;
    private final BlockingCalls blocking;
    private final EventTypes eventTypes;

    EventQueryController(ObjectProvider<StoredEvents> store, ObjectProvider<EventFeed> feed, BlockingCalls blocking,
                         EventTypes eventTypes) {
        this.store = store;
        this.feed = feed;
        this.blocking = blocking;
        this.eventTypes = eventTypes;
    }

    @GetMapping("/api/events")
    Mono<Page<TimelineEntry>> list(RequestContext context,
                                   @RequestParam(required = false) String eventTimeOnOrAfter,
                                   @RequestParam(required = false) List<String> type,
                                   @RequestParam(required = false) List<String> aggregateType,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) String limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        Instant since = TimelineReader.parseTime(eventTimeOnOrAfter);
        long after = page.cursor() == null ? 0 : decode(page.cursor());
        StreamFilter filter = new StreamFilter(context.orgId(), eventTypes.organisation(type, aggregateType));
        StoredEvents events = Streams.available(store);
        long upTo = Streams.available(feed).safePosition();
        return blocking.call(() -> scan(events, filter, since, after, upTo, page.limit()));
    }

    /**
     * The names {@code type} and {@code aggregateType} take, here and in the streams: a stream sends each event
     * under its type's name, which a browser's {@code EventSource} listens for by name.
     */
    @GetMapping("/api/events/types")
    Map<String, List<EventTypes.AggregateEvents>> types(RequestContext context) {
        return Map.of("data", eventTypes.known());
    }

    @GetMapping("/api/events/{id}")
    Mono<TimelineEntry> get(RequestContext context, @PathVariable String id) {
        StoredEvents events = Streams.available(store);
        StreamFilter filter = new StreamFilter(context.orgId(), eventTypes.organisation(null, null));
        return blocking.call(() -> events.byEventId(id).filter(filter::test)
                .map(event -> listed(event))
                .orElseThrow(() -> DomainException.notFound("event", id)));
    }

    private static Page<TimelineEntry> scan(StoredEvents events, StreamFilter filter, Instant since, long after,
                                            long upTo, int limit) {
        List<TimelineEntry> found = new ArrayList<>();
        long position = after;
        int scanned = 0;
        while (position < upTo && scanned < SCAN_LIMIT) {
            List<FeedEvent> chunk = events.range(position, upTo, CHUNK);
            if (chunk.isEmpty()) {
                position = upTo;
                break;
            }
            for (FeedEvent event : chunk) {
                position = event.position();
                if (filter.test(event) && (since == null || !event.entry().time().isBefore(since))) {
                    found.add(listed(event));
                    if (found.size() == limit) {
                        return new Page<>(found, position < upTo ? encode(position) : null);
                    }
                }
            }
            scanned += chunk.size();
        }
        return new Page<>(found, position < upTo ? encode(position) : null);
    }

    /** In the list, an entry's position is the list's cursor right after it. */
    private static TimelineEntry listed(FeedEvent event) {
        return event.entry().withPosition(encode(event.position()));
    }

    private static String encode(long position) {
        return Cursor.encode(Long.toString(position));
    }

    private static long decode(String cursor) {
        return WholeNumbers.nonNegative(Cursor.decode(cursor, 1).get(0)).orElseThrow(Cursor::invalid);
    }
}
