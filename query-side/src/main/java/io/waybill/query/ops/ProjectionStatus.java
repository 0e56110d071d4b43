package io.waybill.query.ops;

import io.waybill.query.config.ProjectionErrors;

import java.time.Instant;
import java.util.List;

/**
 * A projection: its state in this process ({@code running}, {@code replaying}, {@code paused}: stopped here,
 * {@code error}: failing and retrying), the read-model tables it keeps (a replay rebuilds these; none for a process
 * that keeps no table, which cannot be replayed), every segment with the process that holds it and its position,
 * how far the slowest segment is behind the head of the event store in events ({@code lagEvents}) and in time
 * ({@code lagMillis}, {@code lagSeconds}: the age of the oldest event not applied yet, 0 when caught up), the events
 * it parked, its last error in this process, and its replay, running or last ({@code replay}, null if it was never
 * replayed).
 */
public record ProjectionStatus(String name, String state, boolean running, String policy, List<String> tables,
                               long headPosition, Long lagEvents, Long lagMillis, Double lagSeconds,
                               Instant oldestPendingEventAt, long deadLetters, ProjectionErrors.LastError lastError,
                               List<Segment> segments, ReplayProgress replay) {

    public static final String RUNNING = "running";
    public static final String REPLAYING = "replaying";
    public static final String PAUSED = "paused";
    public static final String ERROR = "error";

    /**
     * One segment as the token store has it ({@code owner}: the node id of the process holding it, null when
     * unclaimed); {@code caughtUp}, {@code replaying} and {@code error} are known only where it is held.
     */
    public record Segment(int segment, String owner, boolean heldHere, long position, Boolean caughtUp,
                          Boolean replaying, String error) {
    }
}
