package io.waybill.query.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code waybill.streams.*}: how often the feed reads the store, how long a subscriber may fall behind, how often
 * idle streams hear a heartbeat, how holes in the global index are judged, and how often a stream checks that its
 * caller may still read it.
 */
@ConfigurationProperties("waybill.streams")
public record StreamSettings(Duration pollInterval, Duration heartbeat, int buffer, Duration gapTimeout,
                             Duration gapSettle, Duration accessCheck) {

    public StreamSettings {
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        buffer = buffer <= 0 ? 1000 : buffer;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(5) : gapTimeout;
        gapSettle = gapSettle == null ? Duration.ofMillis(300) : gapSettle;
        accessCheck = accessCheck == null ? Duration.ofSeconds(2) : accessCheck;
    }
}
