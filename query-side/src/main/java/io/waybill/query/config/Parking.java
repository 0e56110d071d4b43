package io.waybill.query.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * The dead-letter policy of projections that park: every failure is parked (Axon's policies may also decide to
 * drop an event, which must never happen to a read model), with the number of failed retries in the letter's
 * diagnostics.
 */
public final class Parking {

    /** The diagnostics key holding how often a parked letter was retried and failed again. */
    public static final String RETRIES = "retries";

    private Parking() {
    }

    /**
     * Parks every failure, but for one whose handler ran without a savepoint ({@link HandlerSavepoints}): its partial
     * writes cannot be undone alone, so the batch fails instead and is retried with savepoints.
     */
    static EnqueuePolicy<EventMessage<?>> alwaysPark(HandlerSavepoints savepoints) {
        return (letter, cause) -> {
            if (savepoints.failedWithoutSavepoint()) {
                throw new RetryWithSavepoints(letter.message(), cause);
            }
            return Decisions.enqueue(ThrowableCause.truncated(cause),
                    parked -> parked.diagnostics().and(RETRIES, retriesAfter(letter)));
        };
    }

    /** Fails a batch in which a handler failed without a savepoint; the processor retries it with savepoints. */
    static final class RetryWithSavepoints extends RuntimeException {

        RetryWithSavepoints(EventMessage<?> event, Throwable cause) {
            super("event " + event.getIdentifier() + " failed in a batch without savepoints; the batch is rolled back "
                    + "and retried with a savepoint per handler, so that the event can be parked alone", cause);
        }
    }

    /** A letter read back from the queue failed on a retry; a new one failed for the first time. */
    private static long retriesAfter(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> ? retries(letter) + 1 : 0;
    }

    public static long retries(DeadLetter<?> letter) {
        return letter.diagnostics().get(RETRIES) instanceof Number n ? n.longValue() : 0;
    }
}
