package io.waybill.query.config;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last failure of each projection in this process, with when it happened: a handler failing on an event (parked
 * or retried), or the processor itself failing (the database gone). Kept in memory; it survives the recovery, so
 * ops can still see what went wrong.
 */
@Component
public class ProjectionErrors {

    private final Map<String, LastError> last = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public record LastError(String message, Instant at) {
    }

    public Optional<LastError> last(String projection) {
        return Optional.ofNullable(last.get(projection));
    }

    void record(String projection, Throwable error) {
        String message = describe(error);
        LastError previous = last.get(projection);
        // A processor reports the error it is retrying on every status change; keep when it was first seen.
        if (previous == null || !previous.message().equals(message)) {
            last.put(projection, new LastError(message, clock.instant()));
        }
    }

    /** Records a handler's failure, then passes it on: the batch fails or the event is parked, never skipped. */
    ListenerInvocationErrorHandler recording(String projection) {
        return (exception, event, handler) -> {
            last.put(projection, new LastError(describe(exception), clock.instant()));
            throw exception;
        };
    }

    /**
     * Records the errors a processor's segments report, but for a batch retried with savepoints: the handler's own
     * failure was recorded already, and the retry parks it.
     */
    EventTrackerStatusChangeListener listener(String projection) {
        return changes -> changes.values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(EventTrackerStatus::getError)
                .filter(Objects::nonNull)
                .filter(error -> !(error instanceof Parking.RetryWithSavepoints))
                .findFirst()
                .ifPresent(error -> record(projection, error));
    }

    public static String describe(Throwable error) {
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
