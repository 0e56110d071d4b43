package io.waybill.command.config;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.junit.jupiter.api.Test;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * What the aggregate cache keeps: an aggregate of a long history stays loaded through garbage collections, one of a
 * short history may not, and the cache holds no more than its bound of events' worth of the long ones. A load is a
 * read of an aggregate's history from the store.
 */
class AggregateCacheTest {

    private final LoadCountingStore engine = new LoadCountingStore();
    private final EventStore events = EmbeddedEventStore.builder().storageEngine(engine).build();

    @Test
    void aLongHistoryStaysLoadedThroughGarbageCollections() {
        assertThat(loadsAfterACollection(2)).as("histories read from the store, held from 2 events").isZero();
    }

    @Test
    void aShortHistoryIsHeldWeaklyAndReadAgainAfterACollection() {
        assertThat(loadsAfterACollection(100)).as("histories read from the store, held from 100 events").isOne();
    }

    @Test
    void theCacheHoldsNoMoreThanItsBoundOfEvents() {
        CommandGateway roomy = node(1, 1_000);
        countTwoCountersToThree(roomy);
        assertThat(engine.loads).as("both counters (4 events each) kept under a bound of 1,000").hasValue(0);

        CommandGateway tight = node(1, 5);
        countTwoCountersToThree(tight);
        assertThat(engine.loads).as("under a bound of 5 events, not both kept").hasPositiveValue();
    }

    @Test
    void aHistoryLongerThanTheWholeBoundIsStillKeptBetweenCommands() {
        CommandGateway gateway = node(1, 3);
        long collections = collections();
        countTwoCountersToThree(gateway);
        assumeThat(collections()).as("no garbage collection meanwhile, which may drop what is held weakly")
                .isEqualTo(collections);
        assertThat(engine.loads).as("counters of 4 events, over a bound of 3, kept weakly").hasValue(0);
    }

    @Test
    void entryListenersAreRefusedAndBoundsBelowOneToo() {
        assertThatThrownBy(() -> new AggregateCache(() -> events, 1, 1).registerCacheEntryListener(null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new AggregateCache(() -> events, 1, 0))
                .hasMessage("waybill.commands.aggregate-cache.held-from and .max-events must be at least 1");
        assertThatThrownBy(() -> new AggregateCache(() -> events, 0, 1))
                .hasMessage("waybill.commands.aggregate-cache.held-from and .max-events must be at least 1");
    }

    /** Counts a new counter twice, collects garbage, counts it once more: the histories that last count read. */
    private int loadsAfterACollection(long heldFrom) {
        CommandGateway gateway = node(heldFrom, 1_000);
        String id = "c" + System.nanoTime();
        gateway.sendAndWait(new Counters.Start(id));
        gateway.sendAndWait(new Counters.Count(id, 0L));

        collectGarbage();
        engine.loads.set(0);

        assertThat((Long) gateway.sendAndWait(new Counters.Count(id, 1L))).isEqualTo(2);
        return engine.loads.get();
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** Returns once a collection has cleared an object held only weakly. */
    private static void collectGarbage() {
        WeakReference<Object> collected = new WeakReference<>(new Object());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            System.gc();
            return collected.get() == null;
        });
    }

    /** Counts two new counters to 3 each, then counts each once more; loads are counted in that last round only. */
    private void countTwoCountersToThree(CommandGateway gateway) {
        String first = "a" + System.nanoTime();
        String second = "b" + System.nanoTime();
        for (String id : List.of(first, second)) {
            gateway.sendAndWait(new Counters.Start(id));
            for (long count = 0; count < 3; count++) {
                gateway.sendAndWait(new Counters.Count(id, count));
            }
        }
        engine.loads.set(0);
        assertThat((Long) gateway.sendAndWait(new Counters.Count(first, 3L))).isEqualTo(4);
        assertThat((Long) gateway.sendAndWait(new Counters.Count(second, 3L))).isEqualTo(4);
    }

    private CommandGateway node(long heldFrom, long maxEvents) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<Counters.Counter>builder()
                .aggregateType(Counters.Counter.class)
                .repository(EventSourcingRepository.builder(Counters.Counter.class)
                        .eventStore(events).cache(new AggregateCache(() -> events, heldFrom, maxEvents)).build())
                .build()
                .subscribe(bus);
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }

    /** An event store that counts the histories read, and answers an aggregate's last sequence number without one. */
    private static final class LoadCountingStore extends InMemoryEventStorageEngine {

        final AtomicInteger loads = new AtomicInteger();
        private final Map<String, Long> last = new ConcurrentHashMap<>();

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            super.appendEvents(events);
            events.stream().filter(DomainEventMessage.class::isInstance).map(DomainEventMessage.class::cast)
                    .forEach(event -> last.merge(event.getAggregateIdentifier(), event.getSequenceNumber(), Math::max));
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return Optional.ofNullable(last.get(aggregateIdentifier));
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            loads.incrementAndGet();
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    }
}
