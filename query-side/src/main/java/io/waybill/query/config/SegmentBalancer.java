package io.waybill.query.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Shares the projections' segments between the query-side processes on one database. Each process that is
 * projecting says so in {@code query_node} at every beat; one that holds more than its fair share of a
 * projection's segments (all segments divided by the processes seen lately) releases the surplus for a while,
 * and a process with fewer claims them. A process that stops beating drops out, and the others take over.
 */
@Component
class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final int BEATS_TO_FORGET = 3;
    /** Longer than a processor's token claim interval (5 s), so another node gets its chance to claim. */
    private static final long MIN_RELEASE_MILLIS = 12_000;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final JdbcTemplate jdbc;
    private final ProjectionSettings settings;
    private final Clock clock = Clock.systemUTC();

    SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore, JdbcTemplate jdbc,
                    ProjectionSettings settings) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${waybill.projections.balance-interval}",
            initialDelayString = "${waybill.projections.balance-interval}")
    void beat() {
        List<StreamingEventProcessor> processors = processors();
        if (processors.stream().noneMatch(StreamingEventProcessor::isRunning)) {
            return;
        }
        long now = clock.millis();
        long interval = settings.balanceInterval().toMillis();
        if (jdbc.update("UPDATE query_node SET last_seen = ? WHERE node_id = ?", now, settings.nodeId()) == 0) {
            jdbc.update("INSERT INTO query_node (node_id, last_seen) VALUES (?, ?)", settings.nodeId(), now);
        }
        Integer nodes = jdbc.queryForObject("SELECT COUNT(*) FROM query_node WHERE last_seen > ?", Integer.class,
                now - BEATS_TO_FORGET * interval);
        long release = Math.max(BEATS_TO_FORGET * interval, MIN_RELEASE_MILLIS);
        processors.forEach(processor -> shareFairly(processor, Math.max(1, nodes == null ? 1 : nodes), release));
    }

    private void shareFairly(StreamingEventProcessor processor, int nodes, long releaseMillis) {
        int segments = tokenStore.fetchSegments(processor.getName()).length;
        int fairShare = (segments + nodes - 1) / nodes;
        List<Integer> held = processor.processingStatus().keySet().stream()
                .sorted(Comparator.reverseOrder()).toList();
        for (int surplus = held.size() - fairShare, i = 0; i < surplus; i++) {
            log.info("Releasing segment {} of {} for another query side ({} nodes, fair share {})",
                    held.get(i), processor.getName(), nodes, fairShare);
            processor.releaseSegment(held.get(i), releaseMillis, TimeUnit.MILLISECONDS);
        }
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).toList();
    }
}
