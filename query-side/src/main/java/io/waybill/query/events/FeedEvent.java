package io.waybill.query.events;

import io.waybill.api.timeline.TimelineEntry;

/**
 * An event as streams and the events list answer it: its place in the store, the organisation it belongs to, and
 * its entry already written as JSON, so a thousand subscribers of one event share one serialization.
 */
public record FeedEvent(long position, String orgId, TimelineEntry entry, String json) {

    public String type() {
        return entry.type();
    }

    public String aggregateType() {
        return entry.aggregateType();
    }

    public String aggregateId() {
        return entry.aggregateId();
    }

    public Object payload() {
        return entry.payload();
    }
}
