package io.waybill.query.config;

import io.waybill.platform.axon.CommandProcess;
import io.waybill.query.config.ProjectionSettings.FailurePolicy;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every projection runs in a tracking processor whose work is split into segments, a thread each. Each segment
 * is claimed by one process at a time through the token store, so query-side processes sharing one database share
 * the work and never apply an event twice; a projection's writes and its token commit in one transaction.
 * <p>
 * A handler failure never makes a projection skip the event (Axon's default would log it and move on). Under the
 * {@code park} policy (the default) the event is parked in the dead-letter queue with its error, and so are the
 * later events of the same aggregate, while every other aggregate's events go on; the handler's partial writes are
 * rolled back to a savepoint ({@link HandlerSavepoints}). Under {@code pause} the batch fails: its writes and the
 * token roll back and the processor retries it later, standing still meanwhile.
 * <p>
 * Tracking rather than pooled streaming processors: with the JDBC store a pooled processor looks for new events
 * only every 500 ms, a tracking one is woken as soon as this process appends events (measured: a change visible
 * through the read API after 250 to 480 ms pooled, about 30 ms tracking).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ProjectionSettings.class)
public class ProjectionConfig {

    /**
     * The token store, under a node id of our choosing: segment claims are owned per node, and two query sides
     * that share an id (by default {@code pid@host}, which can repeat across containers) would both process a
     * segment. Set {@code waybill.projections.node-id} per process where that can happen.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                          TokenStoreProperties properties, ProjectionSettings settings) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(settings.nodeId())
                .build();
    }

    @Bean
    HandlerSavepoints handlerSavepoints(JdbcTransactionManager transactions) {
        return new HandlerSavepoints(transactions);
    }

    @Bean
    ConfigurerModule trackingProjections(ProjectionSettings settings, ListableBeanFactory beans,
                                         ProjectionErrors errors, ConnectionProvider connectionProvider,
                                         JdbcTransactionManager transactions, HandlerSavepoints savepoints) {
        // Retrying a parked sequence runs each letter in a transaction of its own inside the retry's: nested, so a
        // letter that fails again rolls back to its savepoint and its new cause is still recorded.
        TransactionManager nested = new SpringTransactionManager(transactions,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
        return configurer -> configurer.eventProcessing(processing -> {
            processing
                    .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                    .usingTrackingEventProcessors()
                    .registerTrackingEventProcessorConfiguration(config -> processorConfiguration(settings));
            for (String projection : projections(beans)) {
                processing.registerTrackingEventProcessorConfiguration(projection, config ->
                        processorConfiguration(settings).andEventTrackerStatusChangeListener(
                                errors.listener(projection)));
                if (settings.policyOf(projection) == FailurePolicy.PARK) {
                    park(processing, projection, connectionProvider, nested, errors, savepoints);
                } else {
                    processing.registerListenerInvocationErrorHandler(projection,
                            config -> errors.recording(projection));
                }
            }
        });
    }

    private static void park(EventProcessingConfigurer processing, String projection,
                             ConnectionProvider connectionProvider, TransactionManager nested,
                             ProjectionErrors errors, HandlerSavepoints savepoints) {
        processing.registerDeadLetterQueue(projection, config -> JdbcSequencedDeadLetterQueue
                        .<EventMessage<?>>builder()
                        .processingGroup(projection)
                        .connectionProvider(connectionProvider)
                        .transactionManager(config.getComponent(TransactionManager.class))
                        .schema(DeadLetterSchema.defaultSchema())
                        .genericSerializer(config.serializer())
                        .eventSerializer(config.eventSerializer())
                        .build())
                .registerDeadLetterPolicy(projection, config -> Parking.alwaysPark(savepoints))
                .registerDeadLetteringEventHandlerInvokerConfiguration(projection, (config, invoker) -> invoker
                        .listenerInvocationErrorHandler(errors.recording(projection))
                        // remembers which aggregates have nothing parked, instead of asking the queue per event
                        .enableSequenceIdentifierCache()
                        .transactionManager(nested));
    }

    private static TrackingEventProcessorConfiguration processorConfiguration(ProjectionSettings settings) {
        return TrackingEventProcessorConfiguration
                .forParallelProcessing(settings.segments())
                .andInitialSegmentsCount(settings.segments())
                .andBatchSize(settings.batchSize());
    }

    /**
     * The projections of this process: the processing groups of its event handlers, one processor each, but for
     * the command side's processes ({@link CommandProcess}) when both sides run in one process: those keep the
     * defaults set here, tracking and a failure retried, never parked.
     */
    static Set<String> projections(ListableBeanFactory beans) {
        return Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                .filter(name -> beans.findAnnotationOnBean(name, CommandProcess.class) == null)
                .map(name -> beans.findAnnotationOnBean(name, ProcessingGroup.class))
                .filter(Objects::nonNull)
                .map(ProcessingGroup::value)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
