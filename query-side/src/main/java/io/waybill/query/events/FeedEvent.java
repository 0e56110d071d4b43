package io.waybill.query.events;

import io.waybill.api.timeline.TimelineEntry;

/**
 * An event as streams and the events list answer it: its place in the store, the organisation it belongs to, the
 * stream it is in ({@link io.waybill.api.RecordStreams}; the entry names the record's own id), and its entry already
 * written as JSON, so a thousand subscribers of one event share one serialization.
 */
public record FeedEvent(long position, String orgId, String streamId, TimelineEntry entry, String json) {

    /** A position the feed passes while no stream listens: only its index was read. */
    static FeedEvent unread(long position) {
        return new FeedEvent(position, null, null, null, null);
    }

    boolean read() {
        return entry != null;
    }

    public String type() {
        return entry.type();
    }

    public String aggregateType() {
        return entry.aggregateType();
    }

    public Object payload() {
        return entry.payload();
    }
}
