package io.waybill.platform.axon;

import io.waybill.testing.TestDatabases;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the event store asks PostgreSQL when an aggregate is loaded: its events, never the snapshot table, and
 * nothing at all for the create of an id the service has just made.
 */
class EventsOnlyStorageEngineTest {

    private static final EventStoreSettings SETTINGS = new EventStoreSettings(null, Duration.ofMinutes(10), 0, 0, 0,
            0, 0, null, null);
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private JdbcEventStorageEngine axons;
    private SingleConnectionDataSource dataSource;
    private EventsOnlyStorageEngine engine;
    private EmbeddedEventStore store;

    @BeforeEach
    void store() throws Exception {
        dataSource = new SingleConnectionDataSource(TestDatabases.connect(TestDatabases.createPostgresDatabase()),
                true);
        dataSource.setAutoCommit(true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();
        engine = new EventsOnlyStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(recording(dataSource::getConnection))
                .transactionManager(NoTransactionManager.instance())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(new EventSchema()), SETTINGS);
        axons = JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.instance())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(new EventSchema())
                .batchSize(SETTINGS.batchSize())
                .gapTimeout(Math.toIntExact(SETTINGS.gapTimeout().toMillis()))
                .maxGapOffset(SETTINGS.maxGapOffset())
                .lowestGlobalSequence(SETTINGS.lowestGlobalSequence())
                .build();
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    @AfterEach
    void close() {
        store.shutDown();
        dataSource.destroy();
    }

    @Test
    void aLoadReadsTheEventsAndNoSnapshot() {
        engine.appendEvents(new GenericDomainEventMessage<>("Lot", "lot-1", 0, "created"));
        statements.clear();

        assertThat(payloads("lot-1"))
                .containsExactly("created");
        assertThat(statements).isNotEmpty().allSatisfy(sql -> assertThat(sql).contains("from domainevententry")
                .doesNotContain("snapshot"));
    }

    @Test
    void aLoadAndAProcessorAnswerTheTimeEachEventWasStoredWith() {
        Instant first = Instant.parse("2026-12-04T18:00:19.580Z");
        Instant second = Instant.parse("2026-12-04T18:00:20Z");
        engine.appendEvents(
                new GenericDomainEventMessage<>("Lot", "lot-1", 0, "created", MetaData.emptyInstance(), "id-0", first),
                new GenericDomainEventMessage<>("Lot", "lot-1", 1, "shipped", MetaData.emptyInstance(), "id-1", second));

        assertThat(store.readEvents("lot-1").asStream().map(event -> event.getTimestamp()))
                .containsExactly(first, second);
        assertThat(engine.readEvents(null, false).map(event -> event.getTimestamp()))
                .containsExactly(first, second);
    }

    @Test
    void aProcessorReadsTheEventsAndPositionsAxonReads() throws Exception {
        Instant now = Instant.now();
        skipPositions(2);
        engine.appendEvents(new GenericDomainEventMessage<>("Lot", "lot-1", 0, "created", MetaData.emptyInstance(),
                "id-0", now.minusSeconds(5)));
        skipPositions(3);
        engine.appendEvents(new GenericEventMessage<>(new GenericMessage<>("id-1", "noted", MetaData.emptyInstance()),
                () -> now.minusSeconds(4)));
        skipPositions(1);
        engine.appendEvents(new GenericDomainEventMessage<>("Lot", "lot-1", 1, "shipped", MetaData.emptyInstance(),
                "id-2", now.minus(Duration.ofHours(1))));
        skipPositions(2);
        engine.appendEvents(new GenericDomainEventMessage<>("Lot", "lot-1", 2, "delivered", MetaData.emptyInstance(),
                "id-3", now));

        List<String> ours = described(engine.readEvents(null, false).toList());
        assertThat(ours).hasSize(4).isEqualTo(described(axons.readEvents(null, false).toList()));
        assertThat(ours.get(0)).as("a gap before a recent event is waited for").contains("gaps=[1, 2]");
        assertThat(ours.get(2)).as("gaps before an event older than the timeout are not").contains("gaps=[]");
        TrackingToken second = engine.readEvents(null, false).toList().get(1).trackingToken();
        assertThat(described(engine.readEvents(second, false).toList()))
                .isEqualTo(described(axons.readEvents(second, false).toList()));
    }

    /** Takes {@code count} positions from the store's sequence, as transactions that roll back do. */
    private void skipPositions(int count) throws Exception {
        try (var statement = dataSource.getConnection().createStatement()) {
            for (int i = 0; i < count; i++) {
                statement.execute("SELECT nextval(pg_get_serial_sequence('domainevententry', 'globalindex'))");
            }
        }
    }

    private static List<String> described(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(event -> event.trackingToken() + " " + event.getIdentifier() + " "
                + event.getTimestamp() + " " + event.getPayload() + " " + (event instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() + "#" + domain.getSequenceNumber() : "no aggregate")).toList();
    }

    @Test
    void theCreateOfAMadeIdReadsNothingAndOtherIdsAreStillRead() {
        engine.appendEvents(new GenericDomainEventMessage<>("Lot", "lot-1", 0, "created"));
        statements.clear();

        assertThat(inCommand(NewAggregates.marking("lot-2"), () -> payloads("lot-2"))).isEmpty();
        assertThat(statements).isEmpty();

        assertThat(inCommand(NewAggregates.marking("lot-2"), () -> payloads("lot-1"))).containsExactly("created");
        assertThat(inCommand(MetaData.emptyInstance(), () -> payloads("lot-1"))).containsExactly("created");
        assertThat(statements).isNotEmpty().allSatisfy(sql -> assertThat(sql).contains("from domainevententry"));
    }

    @Test
    void aHistoryIsReadABatchToAStatementAndAShorterBatchIsTheLast() {
        int batch = EventsOnlyStorageEngine.AGGREGATE_BATCH;
        append("short", 3);
        append("full", batch);
        append("long", batch + 1);
        statements.clear();

        assertThat(payloads("short")).containsExactly("e0", "e1", "e2");
        assertThat(statements).hasSize(1);
        statements.clear();
        assertThat(payloads("full")).hasSize(batch).endsWith("e" + (batch - 1));
        assertThat(statements).hasSize(2);
        statements.clear();
        assertThat(payloads("long")).hasSize(batch + 1).startsWith("e0").endsWith("e" + batch);
        assertThat(statements).hasSize(2);
    }

    @Test
    void theStoresReaderReadsEveryEventOnceWithFewerStatementsThanAxonsReadUntilEmpty() {
        int events = 2 * engine.batchSize() + 5;
        append("lot-1", events);
        statements.clear();

        assertThat(readUntilNothingIsFound(true)).hasSize(events).doesNotHaveDuplicates()
                .startsWith("e0").endsWith("e" + (events - 1));
        int ours = statements.size();
        statements.clear();
        assertThat(readUntilNothingIsFound(false)).hasSize(events);
        assertThat(ours).as("statements, against Axon's " + statements.size()).isLessThan(statements.size());
    }

    @Test
    void aGapInAHistoryDoesNotEndIt() {
        long later = EventsOnlyStorageEngine.AGGREGATE_BATCH + 5;
        engine.appendEvents(new GenericDomainEventMessage<>("Lot", "lot-1", 0, "created"),
                new GenericDomainEventMessage<>("Lot", "lot-1", later, "shipped"));

        assertThat(payloads("lot-1")).containsExactly("created", "shipped");
    }

    @Test
    void storingASnapshotIsRefused() {
        assertThatThrownBy(() -> engine.storeSnapshot(new GenericDomainEventMessage<>("Lot", "lot-1", 0, "state")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /** As Axon's embedded store reads ({@code mayBlock}) or a processor on its own: again while events are found. */
    private List<Object> readUntilNothingIsFound(boolean mayBlock) {
        List<Object> payloads = new ArrayList<>();
        TrackingToken token = null;
        List<? extends TrackedEventMessage<?>> found;
        do {
            found = engine.readEvents(token, mayBlock).toList();
            found.forEach(event -> payloads.add(event.getPayload()));
            token = found.isEmpty() ? token : found.get(found.size() - 1).trackingToken();
        } while (!found.isEmpty());
        return payloads;
    }

    private void append(String aggregateId, int events) {
        engine.appendEvents(IntStream.range(0, events)
                .mapToObj(n -> new GenericDomainEventMessage<>("Lot", aggregateId, n, "e" + n)).toList());
    }

    private List<Object> payloads(String aggregateId) {
        return store.readEvents(aggregateId).asStream().map(event -> (Object) event.getPayload()).toList();
    }

    private static <T> T inCommand(MetaData metaData, Supplier<T> work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
                GenericCommandMessage.asCommandMessage("load").andMetaData(metaData));
        try {
            return work.get();
        } finally {
            unitOfWork.commit();
        }
    }

    /** Connections that note the statements prepared on them. */
    private ConnectionProvider recording(ConnectionProvider connections) {
        return () -> {
            Connection connection = connections.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement")) {
                            statements.add(((String) args[0]).toLowerCase(Locale.ROOT));
                        }
                        return method.invoke(connection, args);
                    });
        };
    }
}
