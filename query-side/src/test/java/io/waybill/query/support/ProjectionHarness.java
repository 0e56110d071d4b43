package io.waybill.query.support;

import io.waybill.platform.axon.MessageMetadata;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A projection fed events directly, as its processor would hand them over (sequence number, timestamp and the
 * organisation and actor in the metadata), on an embedded database migrated like the service's: events in, rows out.
 */
public final class ProjectionHarness {

    public static final String ORG = "org-1";
    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private final JdbcTemplate jdbc;
    private final List<Delivered> delivered = new ArrayList<>();
    private final Map<String, AtomicLong> sequences = new LinkedHashMap<>();
    private AnnotationEventHandlerAdapter handler;

    public ProjectionHarness() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:projection-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
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
        try {
            handler.handle(new GenericDomainEventMessage<>(event.type(), event.aggregateId(), event.seq(),
                    event.payload(), MetaData.with(MessageMetadata.ORG_ID, ORG).and(MessageMetadata.ACTOR, "user-1"),
                    UUID.randomUUID().toString(), event.at()));
        } catch (Exception e) {
            throw new IllegalStateException("the projection failed on " + event.payload(), e);
        }
    }

    private record Delivered(String type, String aggregateId, long seq, Object payload, Instant at) {
    }
}
