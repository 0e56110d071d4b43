package io.waybill.command.support;

import io.waybill.platform.axon.CommandProcess;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The command side's processor that derives its {@link SideTable}s from the events: every write an event carries is
 * made again in its table. Run from the start of the store over emptied tables, it rebuilds every row written since
 * writes are carried.
 */
@Component
@CommandProcess
@ProcessingGroup(SideTables.PROCESSOR)
public class SideTables {

    public static final String PROCESSOR = "side-tables";
    private final List<SideTable> tables;
    private final CarriedWrites writes;
    private final AtomicReference<Instant> seen = new AtomicReference<>();

    SideTables(List<SideTable> tables, CarriedWrites writes) {
        this.tables = tables;
        this.writes = writes;
    }

    /**
     * Every event but those {@link #takes} declines, its payload left unread: only its metadata can carry writes.
     */
    @EventHandler
    void on(EventMessage<?> event) {
        see(event);
        for (SideTable table : tables) {
            CarriedWrites.of(event, table.writes()).forEach(table::repair);
        }
    }

    /**
     * Whether the handler is to apply an event: not one this process stored with its writes in one transaction
     * ({@link CarriedWrites#storedHere}), whose writes are in the tables already; such an event counts as seen.
     * Asked through {@link PassOver} before Axon builds a unit of work for the event, so the processor passes over
     * it as it does an event no handler of its group takes, storing only its position.
     */
    boolean takes(EventMessage<?> event) {
        if (writes.storedHere(event)) {
            see(event);
            return false;
        }
        return true;
    }

    private void see(EventMessage<?> event) {
        seen.accumulateAndGet(event.getTimestamp(), (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    @ResetHandler
    void reset() {
        writes.forgetStoredHere();
    }

    /** The time of the latest event this process has applied, if it has applied any. */
    Optional<Instant> lastSeen() {
        return Optional.ofNullable(seen.get());
    }

    List<SideTable> tables() {
        return tables;
    }

    /**
     * Makes the handler of {@link SideTables} decline what {@link #takes} declines. It answers for that handler
     * alone: another handler placed in the processing group still gets every event, and if it takes one, the
     * side tables' handler is asked again and applies it (a repair of a write the table holds changes nothing).
     */
    @Component
    static class PassOver implements HandlerEnhancerDefinition {

        private final SingletonSupplier<SideTables> sideTables;

        PassOver(ObjectProvider<SideTables> sideTables) {
            this.sideTables = SingletonSupplier.of(sideTables::getObject);
        }

        @Override
        public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
            if (original.declaringClass() != SideTables.class || !original.canHandleMessageType(EventMessage.class)) {
                return original;
            }
            return new WrappedMessageHandlingMember<>(original) {
                @Override
                public boolean canHandle(Message<?> message) {
                    return super.canHandle(message)
                            && (!(message instanceof EventMessage<?> event) || sideTables.obtain().takes(event));
                }
            };
        }
    }
}
