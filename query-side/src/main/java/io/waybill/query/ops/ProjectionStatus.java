package io.waybill.query.ops;

import java.util.List;

/**
 * A projection as this process sees it: the segments it holds, each one's position, and how far the slowest of
 * them is behind the head of the event store.
 */
public record ProjectionStatus(String name, boolean running, boolean error, long headPosition, Long lagEvents,
                               List<Segment> segments) {

    public record Segment(int segment, long position, boolean caughtUp, boolean replaying, String error) {
    }
}
