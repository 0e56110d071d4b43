package io.waybill.query.support;

import io.waybill.api.RecordStreams;
import io.waybill.platform.axon.MessageMetadata;
import io.waybill.query.config.HandlerSavepoints;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A projection fed events directly, as its processor would hand them over (sequence number, timestamp, the
 * organisation and actor in the metadata, the streams of records a client names by organisation and id), one at a
 * time or in one batch, on an embedded database migrated like the service's: events in, rows out.
 */
public final class ProjectionHarness {

    public static final String ORG = "org-1";
    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    /** The aggregates whose streams are named by organisation and id ({@link RecordStreams}). */
    private static final Set<String> NAMED_BY_ORGANISATION = Set.of("Order", "ItemGroup", "PurchaseOrder",
            "WorkOrder");
    private final JdbcTemplate jdbc;
    private final JdbcTransactionManager transactions;
    private final HandlerSavepoints savepoints;
    private final List<Delivered> delivered = new ArrayList<>();
    private final Map<String, AtomicLong> sequences = new LinkedHashMap<>();
    private AnnotationEventHandlerAdapter handler;
    /** The events of the batch being given, null outside {@link #inOneBatch}. */
    private List<Delivered> batch;

    public ProjectionHarness() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:projection-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new JdbcTransactionManager(dataSource);
        this.savepoints = new HandlerSavepoints(transactions);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public HandlerSavepoints savepoints() {
        return savepoints;
    }

    /** The projection the events go to; made with this harness's database. */
    public <P> P project(P projection) {
        this.handler = new AnnotationEventHandlerAdapter(projection);
        return projection;
    }

    /** Delivers the next event of the aggregate, a minute after the one before. */
    public void given(String aggregateType, String aggregateId, Object payload) {
        long seq = sequences.computeIfAbsent(aggregateId, id -> new AtomicLong()).getAndIncrement();
        Delivered event = new Delivered(aggregateType, aggregateId, seq, payload,
                START.plusSeconds(60L * delivered.size()));
        delivered.add(event);
        deliver(event);
    }

    /**
     * The events given by {@code events} delivered together, as a processor's batch: in one unit of work and one
     * transaction, which commits only if every handler succeeds.
     */
    public void inOneBatch(Runnable events) {
        batch = new ArrayList<>();
        List<EventMessage<?>> messages;
        try {
            events.run();
            messages = batch.stream().<EventMessage<?>>map(ProjectionHarness::message).toList();
        } finally {
            batch = null;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.attachTransaction(new SpringTransactionManager(transactions));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> handler.handle(
                (EventMessage<?>) CurrentUnitOfWork.get().getMessage()), RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("the projection failed on the batch", result.exceptionResult());
        }
    }

    /** Every event delivered so far, delivered once more in the same order (a replay or a retried batch). */
    public void redeliverAll() {
        List.copyOf(delivered).forEach(this::deliver);
    }

    /** The first {@code count} events delivered so far, delivered again after all the later ones. */
    public void redeliverFirst(int count) {
        List.copyOf(delivered.subList(0, count)).forEach(this::deliver);
    }

    /** Every row of the tables, each table's rows in a stable order. */
    public Map<String, List<Map<String, Object>>> rows(String... tables) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        Arrays.stream(tables).forEach(table -> rows.put(table, jdbc.queryForList("SELECT * FROM " + table).stream()
                .sorted(Comparator.comparing(Object::toString)).toList()));
        return rows;
    }

    public Map<String, Object> row(String sql, Object... args) {
        return jdbc.queryForMap(sql, args);
    }

    private void deliver(Delivered event) {
        if (batch != null) {
            batch.add(event);
            return;
        }
        try {
            handler.handle(message(event));
        } catch (Exception e) {
            throw new IllegalStateException("the projection failed on " + event.payload(), e);
        }
    }

    private static EventMessage<?> message(Delivered event) {
        String stream = NAMED_BY_ORGANISATION.contains(event.type()) ? RecordStreams.of(ORG, event.aggregateId())
                : event.aggregateId();
        return new GenericDomainEventMessage<>(event.type(), stream, event.seq(), event.payload(),
                MetaData.with(MessageMetadata.ORG_ID, ORG).and(MessageMetadata.ACTOR, "user-1"),
                UUID.randomUUID().toString(), event.at());
    }

    private record Delivered(String type, String aggregateId, long seq, Object payload, Instant at) {
    }
}
