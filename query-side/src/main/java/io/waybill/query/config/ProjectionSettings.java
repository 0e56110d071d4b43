package io.waybill.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * {@code waybill.projections.*}: how the projections' work is cut (segments, batch size) and shared between
 * query-side processes (node id, balance interval).
 */
@ConfigurationProperties("waybill.projections")
public record ProjectionSettings(int segments, int batchSize, String nodeId,
                                 Duration balanceInterval) {

    public ProjectionSettings {
        segments = segments <= 0 ? 2 : segments;
        batchSize = batchSize <= 0 ? 50 : batchSize;
        nodeId = nodeId == null || nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
        balanceInterval = balanceInterval == null ? Duration.ofSeconds(5) : balanceInterval;
    }
}
