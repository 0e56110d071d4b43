package io.waybill.platform.axon;

import io.waybill.platform.persistence.DatabaseNotifications;
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
 * When the processors read new events. Events appended in this process reach them at once; on PostgreSQL each
 * commit of events is notified ({@link #EVENTS_CHANNEL}), and events another process appended are read when that is
 * heard. Failing that, the store is read every {@code waybill.event-store.fetch-delay} (a second by default: the poll
 * only makes up for a notification not heard). With {@code waybill.event-store.read-on-commit} false, as on a command
 * side on its own, neither wakes the processors: they read at the next poll (25 ms by default there), since each
 * commit would otherwise cost them (the side tables and the processes) two or three reads of the store
 * (docs/design.md, "Performance").
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

    /** The channel on which a process that committed events tells the others. */
    public static final String EVENTS_CHANNEL = "waybill_events";

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
                .extendedGapCheckEnabled(true)
                .cleanGaps(JdbcEventStoreConfig::gapNeighbours), settings);
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                          EventStoreSettings settings, DatabaseNotifications notifications) {
        DatabaseNotifications.Sender appended = notifications.sender(EVENTS_CHANNEL, settings.notifyInterval());
        NotifyingEventStore store = new NotifyingEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(settings.fetchDelay().toMillis())
                .cachedEvents(settings.cachedEvents()), settings.readOnCommit(), appended);
        if (settings.readOnCommit()) {
            notifications.listen(EVENTS_CHANNEL, store);
        }
        return store;
    }

    /**
     * Axon's embedded store, which tells other processes of each commit of events ({@link #EVENTS_CHANNEL}) and,
     * when its processors read on commit, reads on theirs too. Otherwise its reader polls every fetch delay.
     */
    static final class NotifyingEventStore extends EmbeddedEventStore implements DatabaseNotifications.Listener {

        private final boolean readOnCommit;
        private final DatabaseNotifications.Sender appended;

        NotifyingEventStore(Builder builder, boolean readOnCommit, DatabaseNotifications.Sender appended) {
            super(builder);
            this.readOnCommit = readOnCommit;
            this.appended = appended;
        }

        @Override
        protected void afterCommit(List<? extends EventMessage<?>> events) {
            if (readOnCommit) {
                super.afterCommit(events);
            }
            appended.send();
        }

        /** Another process committed events: Axon's store wakes its reader as after a commit of this process. */
        @Override
        public void heard() {
            super.afterCommit(List.of());
        }

        /** Listening again: read what may have been committed while no one listened. */
        @Override
        public void hearing() {
            heard();
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
