package io.waybill.query.events;

import io.waybill.api.timeline.TimelineEntry;

/**
 * An event as streams and the events list answer it: its place in the store, the organisation it belongs to, and
 * its entry already written as JSON, so a thousand subscribers of one event share one serialization.
 */
record FeedEvent(long position, String orgId, TimelineEntry entry, String json) {

    String type() {
        return entry.type();
    }

    String aggregateType() {
        return entry.aggregateType();
    }

    String aggregateId() {
        return entry.aggregateId();
    }

    Object payload() {
        return entry.payload();
    }
}
