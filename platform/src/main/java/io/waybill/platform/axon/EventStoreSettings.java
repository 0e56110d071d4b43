package io.waybill.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code waybill.event-store.*}: how the JDBC event store is polled and how long a projection waits for an event
 * that commits after events with higher global indexes (see "Never skip an event" in docs/design.md).
 *
 * @param fetchDelay           how often the store is read for events appended by another process, whether or not
 *                             a notification was heard: by default a second where this process reads on commit (it
 *                             hears other processes' commits, and the read only makes up for one not heard), 25 ms
 *                             where it does not (the poll is then how it reads)
 * @param gapTimeout           how long a missing global index is waited for, measured from the event timestamps
 *                             after it; only then may the gap be dropped
 * @param maxGapOffset         how many positions below the newest event read a gap is still waited for
 * @param gapCleaningThreshold how many gaps a token holds before timed-out ones are looked for
 * @param lowestGlobalSequence the first global index the store hands out
 * @param batchSize            how many positions one read of the store covers
 * @param cachedEvents         how many of the newest events read are kept for the processors that follow the
 *                             store's head; one further behind reads the store on its own until it catches up
 * @param readOnCommit         whether events this process appends are read for its processors right after each
 *                             commit (default), and another process's when its commit is heard; or at the next
 *                             read every {@code fetchDelay}
 * @param notifyInterval       how long after a notification of this process's commits the next one may leave
 */
@ConfigurationProperties("waybill.event-store")
public record EventStoreSettings(Duration fetchDelay, Duration gapTimeout, int maxGapOffset,
                                 int gapCleaningThreshold, long lowestGlobalSequence, int batchSize,
                                 int cachedEvents, Boolean readOnCommit, Duration notifyInterval) {

    public EventStoreSettings {
        gapTimeout = gapTimeout == null ? Duration.ofMinutes(10) : gapTimeout;
        maxGapOffset = maxGapOffset <= 0 ? 6_000_000 : maxGapOffset;
        gapCleaningThreshold = gapCleaningThreshold <= 0 ? 250 : gapCleaningThreshold;
        lowestGlobalSequence = lowestGlobalSequence <= 0 ? 1 : lowestGlobalSequence;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        cachedEvents = cachedEvents <= 0 ? 1_000 : cachedEvents;
        readOnCommit = readOnCommit == null || readOnCommit;
        fetchDelay = fetchDelay != null ? fetchDelay : readOnCommit ? Duration.ofSeconds(1) : Duration.ofMillis(25);
        notifyInterval = notifyInterval == null ? Duration.ofMillis(25) : notifyInterval;
    }
}
