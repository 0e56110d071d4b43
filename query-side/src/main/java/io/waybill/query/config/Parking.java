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

    static EnqueuePolicy<EventMessage<?>> alwaysPark() {
        return (letter, cause) -> Decisions.enqueue(ThrowableCause.truncated(cause),
                parked -> parked.diagnostics().and(RETRIES, retriesAfter(letter)));
    }

    /** A letter read back from the queue failed on a retry; a new one failed for the first time. */
    private static long retriesAfter(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> ? retries(letter) + 1 : 0;
    }

    public static long retries(DeadLetter<?> letter) {
        return letter.diagnostics().get(RETRIES) instanceof Number n ? n.longValue() : 0;
    }
}
