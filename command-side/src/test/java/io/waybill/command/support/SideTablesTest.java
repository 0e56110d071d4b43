package io.waybill.command.support;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathHandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.messaging.annotation.MultiHandlerEnhancerDefinition;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which events the side tables' handler applies, asked as Axon's processor asks a processing group (its handler
 * invoker, with {@link SideTables.PassOver} among the handler enhancers, as Spring registers it).
 */
class SideTablesTest {

    private static final String WRITES = "registryWrites";
    private final CarriedWrites carried = new CarriedWrites(new DefaultListableBeanFactory()
            .getBeanProvider(EventStore.class), false);
    private final List<List<String>> repaired = new ArrayList<>();
    private final SideTables sideTables = new SideTables(List.of(new SideTable() {
        @Override
        public String writes() {
            return WRITES;
        }

        @Override
        public void repair(List<String> write) {
            repaired.add(write);
        }

        @Override
        public void takeBack(long before) {
        }
    }), carried);

    @Test
    void anEventThisProcessStoredWithItsWritesIsPassedOverAndCountsAsSeen() throws Exception {
        EventMessage<?> own = storedHere("o-1");
        EventMessage<?> foreign = GenericEventMessage.asEventMessage("stored elsewhere")
                .andMetaData(Map.of(WRITES, List.of(List.of("org", "o-2"))));
        SimpleEventHandlerInvoker group = group(sideTables);

        assertThat(group.canHandle(own, Segment.ROOT_SEGMENT)).isFalse();
        assertThat(sideTables.lastSeen()).contains(own.getTimestamp());
        assertThat(group.canHandle(foreign, Segment.ROOT_SEGMENT)).isTrue();
        group.handle(foreign, Segment.ROOT_SEGMENT);

        assertThat(repaired).containsExactly(List.of("org", "o-2"));
        assertThat(sideTables.lastSeen()).contains(foreign.getTimestamp());
    }

    @Test
    void anotherHandlerOfTheGroupStillGetsEveryEventAndTheTablesApplyWhatItTakes() throws Exception {
        EventMessage<?> own = storedHere("o-1");
        Recorder recorder = new Recorder();
        SimpleEventHandlerInvoker group = group(sideTables, recorder);

        assertThat(group.canHandle(own, Segment.ROOT_SEGMENT)).isTrue();
        group.handle(own, Segment.ROOT_SEGMENT);

        assertThat(recorder.events).containsExactly(own);
        assertThat(repaired).as("applied again, which changes nothing").containsExactly(List.of("org", "o-1"));
    }

    @Test
    void rebuiltTablesApplyEveryEventTheProcessStored() throws Exception {
        EventMessage<?> own = storedHere("o-1");
        sideTables.reset();
        SimpleEventHandlerInvoker group = group(sideTables);

        assertThat(group.canHandle(own, Segment.ROOT_SEGMENT)).isTrue();
        group.handle(own, Segment.ROOT_SEGMENT);
        assertThat(repaired).containsExactly(List.of("org", "o-1"));
    }

    /** An event stored through Axon's bus in a unit of work whose command wrote {@code id} to the table. */
    private EventMessage<?> storedHere(String id) {
        SimpleEventBus bus = SimpleEventBus.builder().build();
        List<EventMessage<?>> stored = new ArrayList<>();
        bus.registerDispatchInterceptor(carried);
        bus.subscribe(stored::addAll);
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            carried.carry(WRITES, List.of("org", id));
            bus.publish(GenericEventMessage.asEventMessage(id + " created"));
        });
        return stored.get(0);
    }

    private SimpleEventHandlerInvoker group(Object... handlers) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("sideTables", sideTables);
        var passOver = new SideTables.PassOver(beans.getBeanProvider(SideTables.class));
        return SimpleEventHandlerInvoker.builder().eventHandlers(handlers)
                .parameterResolverFactory(ClasspathParameterResolverFactory.forClass(SideTables.class))
                .handlerDefinition(new MultiHandlerDefinition(
                        List.of(ClasspathHandlerDefinition.forClass(SideTables.class)),
                        MultiHandlerEnhancerDefinition.ordered(
                                ClasspathHandlerEnhancerDefinition.forClass(SideTables.class), passOver)))
                .build();
    }

    /** A handler placed in the side tables' processing group beside them. */
    static class Recorder {

        final List<EventMessage<?>> events = new ArrayList<>();

        @EventHandler
        void on(EventMessage<?> event) {
            events.add(event);
        }
    }
}
