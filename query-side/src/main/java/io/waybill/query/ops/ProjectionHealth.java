package io.waybill.query.ops;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code projections} in the readiness group: DOWN while a projection of this process is in error (failing and
 * retrying, e.g. the database is gone, or a {@code pause} projection stuck on an event) or stopped; UP again once
 * it runs. Parked events do not make it DOWN: the projection goes on with everything else. Reads only the
 * processors' state in memory, so it answers while the database is unreachable.
 */
@Component("projectionsHealthIndicator")
class ProjectionHealth implements HealthIndicator {

    private final ProjectionOps ops;

    ProjectionHealth(ProjectionOps ops) {
        this.ops = ops;
    }

    @Override
    public Health health() {
        Map<String, String> states = new TreeMap<>();
        ops.names().forEach(name -> states.put(name, ops.state(name)));
        List<String> failing = states.entrySet().stream()
                .filter(e -> e.getValue().equals(ProjectionStatus.ERROR) || e.getValue().equals(ProjectionStatus.PAUSED))
                .map(Map.Entry::getKey).toList();
        return (failing.isEmpty() ? Health.up() : Health.down())
                .withDetail("projections", states)
                .withDetail("failing", failing)
                .build();
    }
}
