package io.waybill.command.config;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.waybill.api.DomainError;
import io.waybill.platform.axon.CommandErrors;
import io.waybill.platform.axon.DuplicateKeyResolver;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Two command sides, each with its own aggregate cache and bus, writing to one event store on a real database: the
 * way a cached aggregate goes stale when the other side wrote, and the way an append collides when the other side
 * wrote in between. A stale entry is never decided on; a collision, answered as the JDBC store does
 * ({@link ConcurrencyException}) or as Axon Server does (an {@code OUT_OF_RANGE} status naming {@code
 * AXONIQ-2000}), has the command decided again against the store.
 */
class DecidingCommandBusTest {

    enum Store { JDBC, AXON_SERVER }

    private JdbcDataSource dataSource;
    private final AtomicInteger appendFailures = new AtomicInteger();
    private final AtomicInteger collisionsLeft = new AtomicInteger();

    @BeforeEach
    void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:bus-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V1__axon_event_and_token_store.sql"))
                .execute(dataSource);
    }

    @Test
    void anAggregateTheOtherSideMovedOnIsReadFromTheStoreNotTheCache() {
        EventStore events = eventStore(Store.AXON_SERVER, null, 0);
        CommandGateway a = node(events);
        CommandGateway b = node(events);
        a.sendAndWait(new Counters.Start("c1"));
        a.sendAndWait(new Counters.Count("c1", null));
        b.sendAndWait(new Counters.Count("c1", null));

        Long count = a.sendAndWait(new Counters.Count("c1", null));

        assertThat(count).isEqualTo(3);
        assertThat(appendFailures).as("no collision: the stale entry was never used").hasValue(0);
        assertThat(events.readEvents("c1").asStream().count()).isEqualTo(4);
    }

    /** Another side's write lands between this side's read and its append: the append collides. */
    @ParameterizedTest
    @EnumSource(Store.class)
    void aCommandWhoseAppendCollidesIsDecidedAgainAgainstTheStore(Store store) {
        EventStore events = eventStore(store, null, 1);
        CommandGateway a = node(events);
        a.sendAndWait(new Counters.Start("c5"));

        Long count = a.sendAndWait(new Counters.Count("c5", 0L));

        assertThat(count).isEqualTo(1);
        assertThat(appendFailures).hasValue(1);
        assertThat(events.readEvents("c5").asStream().count()).isEqualTo(2);
    }

    @Test
    void aCommandOnAStaleCachedAggregateIsDecidedOnWhatIsStored() {
        EventStore events = eventStore(Store.AXON_SERVER, null, 0);
        CommandGateway a = node(events);
        CommandGateway b = node(events);
        a.sendAndWait(new Counters.Start("c2"));
        a.sendAndWait(new Counters.Count("c2", 0L));
        b.sendAndWait(new Counters.Count("c2", 1L));

        Long count = a.sendAndWait(new Counters.Count("c2", 2L));

        assertThat(count).isEqualTo(3);
        assertThat(appendFailures).hasValue(0);
    }

    @Test
    void aRefusalThatStandsIsAnsweredAsItIs() {
        EventStore events = eventStore(Store.AXON_SERVER, null, 0);
        CommandGateway a = node(events);
        a.sendAndWait(new Counters.Start("c3"));

        CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class,
                () -> a.sendAndWait(new Counters.Count("c3", 5L)));

        assertThat(refused.getDetails()).get().isInstanceOf(DomainError.class)
                .extracting(error -> ((DomainError) error).message()).isEqualTo("counter c3 is at 0, not 5");
        assertThat(events.readEvents("c3").asStream().count()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aRaceLostOnEveryAttemptAnswersAConflictThatSurvivesAxonServer(Store store) {
        EventStore events = eventStore(store, "c4", 0);
        CommandGateway a = node(events);
        a.sendAndWait(new Counters.Start("c4"));

        CommandExecutionException conflict = catchThrowableOfType(CommandExecutionException.class,
                () -> a.sendAndWait(new Counters.Count("c4", null)));

        assertThat(appendFailures).hasValue(DecidingCommandBus.ATTEMPTS);
        assertThat(conflict.getDetails()).get().isInstanceOf(DomainError.class)
                .extracting(error -> ((DomainError) error).code()).isEqualTo("conflict");
    }

    /** One command side: its own cache and bus, the product's error translation. */
    private CommandGateway node(EventStore events) {
        SimpleCommandBus bus = new DecidingCommandBus(SimpleCommandBus.builder().transactionManager(transactions()),
                id -> events.lastSequenceNumberFor(id).isPresent());
        bus.registerHandlerInterceptor(new CommandErrors());
        AggregateAnnotationCommandHandler.<Counters.Counter>builder()
                .aggregateType(Counters.Counter.class)
                .repository(EventSourcingRepository.builder(Counters.Counter.class)
                        .eventStore(events).cache(new AggregateCache(() -> events, 1, 1_000)).build())
                .build()
                .subscribe(bus);
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }

    /**
     * The event store both sides share; appends that collide fail in the form of the given store, every append of
     * the aggregate {@code alwaysCollides} collides, and so do the first {@code collisions} appends of events past
     * an aggregate's first.
     */
    private EventStore eventStore(Store store, String alwaysCollides, int collisions) {
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();
        JdbcEventStorageEngine jdbc = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactions())
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        collisionsLeft.set(collisions);
        return EmbeddedEventStore.builder().storageEngine(new CollidingStore(jdbc, store, alwaysCollides)).build();
    }

    private TransactionManager transactions() {
        return new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
    }

    private final class CollidingStore implements EventStorageEngine {

        private final EventStorageEngine delegate;
        private final Store form;
        private final String alwaysCollides;

        CollidingStore(EventStorageEngine delegate, Store form, String alwaysCollides) {
            this.delegate = delegate;
            this.form = form;
            this.alwaysCollides = alwaysCollides;
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            try {
                boolean laterEvent = events.stream().anyMatch(event -> event instanceof DomainEventMessage<?> domain
                        && domain.getSequenceNumber() > 0);
                boolean doomed = events.stream().anyMatch(event -> event instanceof DomainEventMessage<?> domain
                        && domain.getAggregateIdentifier().equals(alwaysCollides));
                if (laterEvent && (doomed || collisionsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0)) {
                    throw new ConcurrencyException("the sequence number is taken");
                }
                delegate.appendEvents(events);
            } catch (ConcurrencyException e) {
                appendFailures.incrementAndGet();
                throw form == Store.JDBC ? e : new StatusRuntimeException(Status.OUT_OF_RANGE
                        .withDescription("[AXONIQ-2000] Invalid sequence number for aggregate"));
            }
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            delegate.storeSnapshot(snapshot);
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            return delegate.readEvents(token, mayBlock);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return delegate.readSnapshot(aggregateIdentifier);
        }
    }
}
