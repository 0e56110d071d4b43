package io.waybill.query.events;

import java.util.List;

/**
 * Which events of an organisation one stream carries, beyond the organisation itself: each feature makes the scopes
 * of its own streams. A scope is used by one subscriber at a time, under its lock, so it may learn as it goes.
 */
public interface StreamScope {

    /**
     * The streams ({@link io.waybill.api.RecordStreams}) whose histories the stream begins with; empty for every
     * aggregate of the organisation.
     */
    List<String> aggregates();

    /** Whether an event of the organisation belongs to the stream. */
    boolean test(FeedEvent event);

    /**
     * Streams that belong to the stream from the start although {@link #aggregates()} did not know them: read,
     * blocking and outside the subscriber's lock, before the history; then given to {@link #join}.
     */
    default List<String> lookUpMembers() {
        return List.of();
    }

    default void join(List<String> streamIds) {
    }

    /** A scope of one stream's events. */
    static StreamScope of(String streamId) {
        return new StreamScope() {
            @Override
            public List<String> aggregates() {
                return List.of(streamId);
            }

            @Override
            public boolean test(FeedEvent event) {
                return streamId.equals(event.streamId());
            }
        };
    }
}
