package io.waybill.platform.metrics;

/**
 * The names of Waybill's own meters, registered on Boot's {@code MeterRegistry} bean and scraped at
 * {@code /actuator/prometheus} (dots become underscores there, and a unit is appended where one is given). A
 * feature that reports something registers its meters under these names, tagged by {@code projection} where that
 * applies.
 */
public final class WaybillMetrics {

    /** Gauge: events the slowest segment of a projection is behind the head of the event store. */
    public static final String PROJECTION_LAG_EVENTS = "waybill.projection.lag.events";
    /** Gauge: age in seconds of the oldest event a projection has not applied yet; 0 when caught up. */
    public static final String PROJECTION_LAG_SECONDS = "waybill.projection.lag.seconds";
    /** Gauge: events a projection has parked in the dead-letter queue. */
    public static final String PROJECTION_DEAD_LETTERS = "waybill.projection.dead.letters";
    /** Gauge: share of the events a running replay has rebuilt, 0 to 1; NaN when none runs in this process. */
    public static final String REPLAY_PROGRESS = "waybill.replay.progress";
    /** Gauge: events per second a running replay rebuilds; NaN when none runs in this process. */
    public static final String REPLAY_RATE = "waybill.replay.events.per.second";
    /** Gauge: server-sent event streams open in this process. */
    public static final String STREAMS_OPEN = "waybill.streams.open";
    /** The tag naming the projection a meter is about. */
    public static final String PROJECTION_TAG = "projection";

    private WaybillMetrics() {
    }
}
