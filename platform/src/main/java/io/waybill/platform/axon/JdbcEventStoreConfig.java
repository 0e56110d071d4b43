package io.waybill.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.SortedSet;

/**
 * The event store when Axon Server is off: Axon's JDBC storage engine behind an embedded event store, declared
 * here rather than left to auto-configuration for three reasons.
 * <p>
 * No snapshots ({@link EventsOnlyStorageEngine}): none are stored, so none are looked for before each load.
 * <p>
 * How often the store is read for events another process appended ({@code waybill.event-store.fetch-delay}; Axon's
 * default of a second is how far a query side in another process would lag behind). Events appended in this
 * process reach its processors at once, unless {@code waybill.event-store.read-on-commit} is false: a command side
 * on its own then reads its own events at the next poll too, since each commit would otherwise cost its processors
 * (the side tables and the processes) two or three reads of the store (docs/design.md, "Performance").
 * <p>
 * How long a projection waits for a global index that is missing because its transaction has not committed yet
 * (a gap). Axon drops a gap after a minute or once 10,000 positions were read past it; under our write rates a
 * long transaction could then be passed over for good. The limits here are ten minutes and six million positions;
 * docs/design.md ("Never skip an event") gives the reasoning.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
@EnableConfigurationProperties(EventStoreSettings.class)
public class JdbcEventStoreConfig {

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver resolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventStoreSettings settings) {
        return new EventsOnlyStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(resolver)
                .eventSerializer(eventSerializer)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .batchSize(settings.batchSize())
                .gapTimeout(Math.toIntExact(settings.gapTimeout().toMillis()))
                .maxGapOffset(settings.maxGapOffset())
                .gapCleaningThreshold(settings.gapCleaningThreshold())
                .lowestGlobalSequence(settings.lowestGlobalSequence())
                .extendedGapCheckEnabled(true)
                .cleanGaps(JdbcEventStoreConfig::gapNeighbours));
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                          EventStoreSettings settings) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(settings.fetchDelay().toMillis())
                .cachedEvents(settings.cachedEvents());
        return settings.readOnCommit() ? builder.build() : new PolledEventStore(builder);
    }

    /** An embedded store whose processors read this process's events at the next poll, not after each commit. */
    static final class PolledEventStore extends EmbeddedEventStore {

        PolledEventStore(Builder builder) {
            super(builder);
        }

        @Override
        protected void afterCommit(List<? extends EventMessage<?>> events) {
            // Axon's store wakes its reader here; the reader polls every fetch delay instead
        }
    }

    /**
     * The events from the first gap to just past the last, in index order. A gap is dropped when the event right
     * after it is older than the gap timeout, and the scan stops at the first event that is younger or fills a
     * gap; Axon's statement has no ORDER BY, so rows out of index order could drop a gap before that stop.
     */
    static PreparedStatement gapNeighbours(Connection connection, EventSchema schema, SortedSet<Long> gaps)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.globalIndexColumn() + ", "
                + schema.timestampColumn() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.globalIndexColumn() + " BETWEEN ? AND ? ORDER BY " + schema.globalIndexColumn());
        statement.setLong(1, gaps.first());
        statement.setLong(2, gaps.last() + 1);
        return statement;
    }
}
