package io.waybill.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The event store when Axon Server is off: Axon's JDBC storage engine behind an embedded event store, declared
 * here rather than left to auto-configuration for one setting: how often the store is read for events another
 * process appended ({@code waybill.event-store.fetch-delay}; Axon's default of a second is how far a query side
 * in another process would lag behind). Events appended in this process reach its processors at once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class JdbcEventStoreConfig {

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver resolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(resolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                          @Value("${waybill.event-store.fetch-delay}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }
}
