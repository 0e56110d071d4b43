package io.waybill.command.registry;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts the registry writes a command makes into the metadata of its first event, so that the event store holds every
 * write and the registry can be derived from it ({@link RegistryProjector}). Axon's event bus runs this when the
 * command's events are about to be stored, all of them at once, in the transaction of the writes. A write of a
 * command that stores no event is carried by nothing: it stays pending and is taken back ({@link RegistrySweeper}).
 */
@Component
public class RegistryWrites implements MessageDispatchInterceptor<EventMessage<?>>, SmartInitializingSingleton {

    private static final String RESOURCE = RegistryWrites.class.getName();
    private final ObjectProvider<EventStore> store;

    RegistryWrites(ObjectProvider<EventStore> store) {
        this.store = store;
    }

    @Override
    public void afterSingletonsInstantiated() {
        store.getObject().registerDispatchInterceptor(this);
    }

    /** Whether a write now is a command's, to be carried by its next event (else it is carried by nothing). */
    boolean carrying() {
        return CurrentUnitOfWork.isStarted();
    }

    /** Holds the write until the command's next event. */
    void carry(RegistryWrite write) {
        CurrentUnitOfWork.get().root().<List<RegistryWrite>>getOrComputeResource(RESOURCE, key -> new ArrayList<>())
                .add(write);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            List<RegistryWrite> held = CurrentUnitOfWork.isStarted()
                    ? CurrentUnitOfWork.get().root().getResource(RESOURCE) : null;
            if (held == null || held.isEmpty()) {
                return message;
            }
            List<List<String>> carried = RegistryWrite.encode(held);
            held.clear();
            return message.andMetaData(Map.of(RegistryWrite.METADATA, carried));
        };
    }
}
