package io.waybill.query.timeline;

import io.waybill.platform.web.PageRequest;

import java.time.Instant;

/**
 * The query parameters every timeline takes: {@code eventTimeOnOrAfter} (a date-time with offset), and the page's
 * {@code cursor} and {@code limit}. Bound from the query string.
 */
public record TimelineRequest(String eventTimeOnOrAfter, String cursor, String limit) {

    /** Whether the request asks for the history from its first event. */
    public boolean fromTheStart() {
        return (cursor == null || cursor.isBlank()) && (eventTimeOnOrAfter == null || eventTimeOnOrAfter.isBlank());
    }

    PageRequest page() {
        return PageRequest.of(cursor, limit);
    }

    Instant since() {
        return TimelineReader.parseTime(eventTimeOnOrAfter);
    }
}
