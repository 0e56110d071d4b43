package io.waybill.query.ops;

import io.waybill.query.config.ProjectionErrors;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/** A rebuild running in this process, and its recent progress. */
final class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    final String name;
    final List<String> tables;
    final TrackingEventProcessor processor;
    private final JdbcTokenStore tokens;
    final Instant startedAt;
    private final long first;
    private final Clock clock;
    private final Deque<long[]> samples = new ArrayDeque<>();
    private Instant lastLog;
    private volatile double lastFraction;
    private volatile double lastRate;
    /** The progress last shown, shown again while the take-over has the processors stopped. */
    private volatile ReplayProgress last;
    private volatile boolean takingOver;

    Rebuild(String name, List<String> tables, TrackingEventProcessor processor, JdbcTokenStore tokens,
            Instant startedAt, long first, Clock clock) {
        this.name = name;
        this.tables = tables;
        this.processor = processor;
        this.tokens = tokens;
        this.startedAt = startedAt;
        this.first = first;
        this.clock = clock;
        this.lastLog = clock.instant();
    }

    /** The position every segment has passed, or -1 while this process does not hold every segment. */
    long position() {
        Collection<EventTrackerStatus> status = processor.processingStatus().values();
        int segments = tokens.fetchSegments(processor.getName()).length;
        if (status.isEmpty() || status.size() < segments) {
            return -1;
        }
        return status.stream().mapToLong(s -> s.getCurrentPosition().orElse(first - 1)).min().orElse(-1);
    }

    /** Whether the rebuild has applied every event up to the head its progress was taken at. */
    boolean caughtUp(ReplayProgress progress) {
        return progress.eventsDone() != null && progress.eventsDone().equals(progress.eventsTotal())
                && processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }

    /** Logs the progress line, every {@link #LOG_EVERY}. */
    synchronized void log(ReplayProgress progress) {
        if (progress.eventsDone() != null) {
            Instant now = clock.instant();
            if (Duration.between(lastLog, now).compareTo(LOG_EVERY) >= 0) {
                lastLog = now;
                log.info("Replay of {}: {} of {} events ({}%), {} events/s, {}", name,
                        progress.eventsDone(), progress.eventsTotal(), progress.percent(),
                        Math.round(progress.eventsPerSecond()), progress.etaSeconds() == null
                                ? "time to go not known yet" : "about " + progress.etaSeconds() + " s to go");
            }
        }
    }

    /** The processors stop for the take-over: the progress stays as it was (100 %) instead of going unknown. */
    void takingOver(boolean stopping) {
        takingOver = stopping;
    }

    synchronized ReplayProgress progress(long head) {
        if (takingOver && last != null) {
            return last;
        }
        long position = position();
        Instant now = clock.instant();
        if (position < 0) {
            return new ReplayProgress("running", startedAt, null, null, null, null, null, null, error());
        }
        long total = Math.max(0, head - first + 1);
        long done = Math.min(total, Math.max(0, position - first + 1));
        samples.addLast(new long[]{now.toEpochMilli(), done});
        while (samples.size() > 2 && now.toEpochMilli() - samples.peekFirst()[0] > RATE_WINDOW.toMillis()) {
            samples.removeFirst();
        }
        long[] oldest = samples.peekFirst();
        long millis = now.toEpochMilli() - oldest[0];
        double rate = millis <= 0 ? 0 : (done - oldest[1]) * 1000.0 / millis;
        double percent = total == 0 ? 100.0 : Math.floor(done * 1000.0 / total) / 10.0;
        Long eta = rate <= 0 ? null : Math.round((total - done) / rate);
        lastFraction = total == 0 ? 1.0 : (double) done / total;
        lastRate = rate;
        last = new ReplayProgress("running", startedAt, null, done, total, percent,
                Math.round(rate * 10) / 10.0, eta, error());
        return last;
    }

    /** The share of the events rebuilt at the last progress, for the gauge. */
    double fraction() {
        return lastFraction;
    }

    /** The events per second at the last progress, for the gauge. */
    double rate() {
        return lastRate;
    }

    private String error() {
        return processor.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                .map(s -> ProjectionErrors.describe(s.getError()))
                .findFirst().orElse(null);
    }
}
