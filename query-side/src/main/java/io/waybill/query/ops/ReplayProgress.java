package io.waybill.query.ops;

import java.time.Instant;

/**
 * A projection's replay: {@code running}, {@code done} or {@code cancelled}, when it started and ended, and while
 * it runs in this process, how far it is: events rebuilt of the events in the store (the total grows with new
 * events), the share in percent, the rate over the last seconds, the seconds left at that rate, and the rebuild's
 * error if it is failing (it retries).
 */
public record ReplayProgress(String status, Instant startedAt, Instant finishedAt, Long eventsDone, Long eventsTotal,
                             Double percent, Double eventsPerSecond, Long etaSeconds, String error) {
}
