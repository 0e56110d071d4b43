package io.waybill.command.config;

import io.waybill.api.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A counter aggregate for the command bus's tests: it refuses a count at an expected value it is not at. */
final class Counters {

    private Counters() {
    }

    record Start(String id) {
    }

    record Count(@TargetAggregateIdentifier String id, Long expected) {
    }

    record Started(String id) {
    }

    record Counted(String id, long count) {
    }

    static class Counter {

        @AggregateIdentifier
        private String id;
        private long count;

        Counter() {
        }

        @CommandHandler
        Counter(Start command) {
            apply(new Started(command.id()));
        }

        @CommandHandler
        long handle(Count command) {
            if (command.expected() != null && command.expected() != count) {
                throw DomainException.conflict("counter " + id + " is at " + count + ", not " + command.expected(),
                        Map.of());
            }
            apply(new Counted(id, count + 1));
            return count;
        }

        @EventSourcingHandler
        void on(Started event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(Counted event) {
            count = event.count();
        }
    }
}
