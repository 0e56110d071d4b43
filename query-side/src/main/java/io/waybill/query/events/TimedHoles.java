package io.waybill.query.events;

import java.time.Duration;

/**
 * The rule where transaction ids cannot be asked (H2, the embedded database): a missing index is a hole once it
 * has been missing for {@code waybill.streams.gap-timeout}. In the embedded service every write is a short
 * transaction of this process, so a transaction still open after seconds has failed.
 */
final class TimedHoles implements Holes {

    private final long timeoutMillis;
    private long fence = -1;
    private long since;

    TimedHoles(Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public Verdict check(long missing, long highestVisible, long nowMillis) {
        if (missing >= fence) {
            fence = highestVisible;
            since = nowMillis;
            return Verdict.WAIT;
        }
        return nowMillis - since >= timeoutMillis ? Verdict.PASS : Verdict.WAIT;
    }
}
