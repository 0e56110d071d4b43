package io.waybill.command.support;

import io.waybill.platform.axon.MessageMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which events carry which writes, on Axon's own event bus and units of work. */
class CarriedWritesTest {

    private final CarriedWrites carried = new CarriedWrites(new DefaultListableBeanFactory()
            .getBeanProvider(EventStore.class), false);
    private final SimpleEventBus bus = SimpleEventBus.builder().build();
    private final List<EventMessage<?>> stored = new ArrayList<>();

    @BeforeEach
    void setUp() {
        bus.registerDispatchInterceptor(carried);
        bus.subscribe(stored::addAll);
    }

    @Test
    void aCommandsWritesRideInItsFirstEventOnly() {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            carried.carry("registryWrites", List.of("org", "o-1"));
            bus.publish(GenericEventMessage.asEventMessage("created"));
            carried.carry("counterWrites", List.of("org", "PO", "1"));
            bus.publish(GenericEventMessage.asEventMessage("placed"));
        });

        assertThat(stored).hasSize(2);
        assertThat(CarriedWrites.of(stored.get(0), "registryWrites")).containsExactly(List.of("org", "o-1"));
        assertThat(CarriedWrites.of(stored.get(0), "counterWrites")).containsExactly(List.of("org", "PO", "1"));
        assertThat(CarriedWrites.of(stored.get(1), "registryWrites")).isEmpty();
    }

    @Test
    void theWritesOfANestedUnitThatRolledBackAreNotCarried() {
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        UnitOfWork<?> failed = DefaultUnitOfWork.startAndGet(null);
        carried.carry("registryWrites", List.of("org", "lost"));
        bus.publish(GenericEventMessage.asEventMessage("lost"));
        failed.rollback();
        UnitOfWork<?> decided = DefaultUnitOfWork.startAndGet(null);
        carried.carry("registryWrites", List.of("org", "kept"));
        bus.publish(GenericEventMessage.asEventMessage("kept"));
        decided.commit();
        root.commit();

        assertThat(stored.stream().map(event -> (Object) event.getPayload()).toList()).containsExactly("kept");
        assertThat(CarriedWrites.of(stored.get(0), "registryWrites")).containsExactly(List.of("org", "kept"));
    }

    @Test
    void eachCommandOfAGroupCarriesItsOwnWritesInItsOwnFirstEvent() {
        UnitOfWork<?> group = DefaultUnitOfWork.startAndGet(null);
        for (String id : List.of("g-1", "g-2")) {
            Message<?> command = GenericCommandMessage.asCommandMessage("create " + id);
            DefaultUnitOfWork.startAndGet(command).execute(() -> {
                carried.carry("registryWrites", List.of("org", id));
                MetaData causedBy = MetaData.with(MessageMetadata.CAUSATION_ID, command.getIdentifier());
                bus.publish(GenericEventMessage.asEventMessage(id + " created").andMetaData(causedBy));
                bus.publish(GenericEventMessage.asEventMessage(id + " named").andMetaData(causedBy));
            });
        }
        group.commit();

        assertThat(stored.stream().map(event -> (Object) event.getPayload()).toList())
                .containsExactly("g-1 created", "g-1 named", "g-2 created", "g-2 named");
        assertThat(CarriedWrites.of(stored.get(0), "registryWrites")).containsExactly(List.of("org", "g-1"));
        assertThat(CarriedWrites.of(stored.get(1), "registryWrites")).isEmpty();
        assertThat(CarriedWrites.of(stored.get(2), "registryWrites")).containsExactly(List.of("org", "g-2"));
        assertThat(CarriedWrites.of(stored.get(3), "registryWrites")).isEmpty();
    }

    @Test
    void writesAreCarriedWithinACommandOnly() {
        assertThat(carried.carrying()).isFalse();
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            assertThat(carried.carrying()).isTrue();
            assertThat(CarriedWrites.none().carrying()).isFalse();
        });
    }
}
