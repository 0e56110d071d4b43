package io.waybill.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code waybill.projections.*}: how the projections' work is cut (segments, batch size; a replay's batch size)
 * and shared between query-side processes (node id, balance interval), and what a projection does with an event
 * it fails on ({@code policy.<name>}: {@code park} or {@code pause}, default {@code park}).
 */
@ConfigurationProperties("waybill.projections")
public record ProjectionSettings(int segments, int batchSize, int replayBatchSize, String nodeId,
                                 Duration balanceInterval, Map<String, FailurePolicy> policy) {

    public ProjectionSettings {
        segments = segments <= 0 ? 2 : segments;
        batchSize = batchSize <= 0 ? 50 : batchSize;
        replayBatchSize = replayBatchSize <= 0 ? 500 : replayBatchSize;
        nodeId = nodeId == null || nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
        balanceInterval = balanceInterval == null ? Duration.ofSeconds(5) : balanceInterval;
        policy = policy == null ? Map.of() : Map.copyOf(policy);
    }

    public FailurePolicy policyOf(String projection) {
        return policy.getOrDefault(projection, FailurePolicy.PARK);
    }

    /** What a projection does when one of its handlers fails on an event. */
    public enum FailurePolicy {
        /** Park the event and the later events of its aggregate in the dead-letter queue; go on with the rest. */
        PARK,
        /** Roll the batch back and retry it with a growing back-off; the projection stands still meanwhile. */
        PAUSE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
