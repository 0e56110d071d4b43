package io.waybill.bench.stack;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An order that is only ever created: one command, one event. */
@Aggregate
class StackOrder {

    record CreateOrder(@TargetAggregateIdentifier String id, String name) {
    }

    record OrderCreated(String id, String name) {
    }

    @AggregateIdentifier
    private String id;

    StackOrder() {
    }

    @CommandHandler
    StackOrder(CreateOrder command) {
        apply(new OrderCreated(command.id(), command.name()));
    }

    @EventSourcingHandler
    void on(OrderCreated event) {
        this.id = event.id();
    }
}
