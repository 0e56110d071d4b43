package io.waybill.query.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.platform.metrics.WaybillMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Lag gauges per projection. A scrape reads the token store and the event store once for all gauges: the status
 * of every projection is kept for a second. While the database is unreachable the gauges answer NaN.
 */
@Component
class ProjectionMetrics {

    private static final Logger log = LoggerFactory.getLogger(ProjectionMetrics.class);
    private static final long MAX_AGE_MILLIS = 1000;
    private final ProjectionOps ops;
    private final MeterRegistry registry;
    private volatile Snapshot snapshot = new Snapshot(0, Map.of());

    private record Snapshot(long takenAt, Map<String, ProjectionStatus> statuses) {
    }

    ProjectionMetrics(ProjectionOps ops, MeterRegistry registry) {
        this.ops = ops;
        this.registry = registry;
    }

    /** The processors exist once Axon has started, so the gauges are registered when the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String name : ops.names()) {
            gauge(WaybillMetrics.PROJECTION_LAG_EVENTS, name, null, status -> number(status.lagEvents()));
            gauge(WaybillMetrics.PROJECTION_LAG_SECONDS, name, "seconds",
                    status -> status.lagSeconds() == null ? Double.NaN : status.lagSeconds());
            gauge(WaybillMetrics.PROJECTION_DEAD_LETTERS, name, null, ProjectionStatus::deadLetters);
        }
    }

    private void gauge(String meter, String projection, String unit, ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(meter, () -> {
                    ProjectionStatus status = status(projection);
                    return status == null ? Double.NaN : value.applyAsDouble(status);
                })
                .tag(WaybillMetrics.PROJECTION_TAG, projection)
                .baseUnit(unit)
                .strongReference(true)
                .register(registry);
    }

    private ProjectionStatus status(String projection) {
        Snapshot current = snapshot;
        if (System.currentTimeMillis() - current.takenAt() > MAX_AGE_MILLIS) {
            try {
                current = new Snapshot(System.currentTimeMillis(), ops.all().stream()
                        .collect(Collectors.toMap(ProjectionStatus::name, status -> status)));
            } catch (RuntimeException e) {
                log.debug("Projection lag not readable: {}", e.toString());
                current = new Snapshot(System.currentTimeMillis(), Map.of());
            }
            snapshot = current;
        }
        return current.statuses().get(projection);
    }

    private static double number(Long value) {
        return value == null ? Double.NaN : value;
    }
}
