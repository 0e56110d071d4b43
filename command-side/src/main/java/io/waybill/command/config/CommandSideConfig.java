package io.waybill.command.config;

import io.waybill.platform.axon.CommandErrors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CommandSideConfig {

    /** The bean every aggregate names as its cache. */
    public static final String AGGREGATE_CACHE = "aggregateCache";
    static final int PROCESS_BATCH = 100;

    /**
     * The bus that handles this process's commands, in place of Axon's default (and as Axon Server's local segment
     * in that mode): it decides a command again when it lost a race or was refused on a cached aggregate, and turns
     * business failures into the form that survives Axon Server ({@link CommandErrors}).
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactions, org.axonframework.config.Configuration axon,
                                DuplicateCommandHandlerResolver duplicates) {
        SimpleCommandBus bus = new DecidingCommandBus(SimpleCommandBus.builder()
                .transactionManager(transactions)
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus")));
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        bus.registerHandlerInterceptor(new CommandErrors());
        return bus;
    }

    /**
     * Event processors on the command side (the processes that turn one aggregate's decisions into commands to
     * another) track the store, and a failure stops them at the event to be retried: Axon's default would log it
     * and skip the event, losing what it owed. One thread, and batches of up to {@value #PROCESS_BATCH} events in one
     * transaction: a process reads every event of the store, most of which it has no handler for, and its position
     * is written once per batch, not once per event. Static: the configurer is built before this class, which needs
     * the command bus.
     */
    @Bean
    static ConfigurerModule processesNeverSkip() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andBatchSize(PROCESS_BATCH))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
    }

    @Bean(AGGREGATE_CACHE)
    Cache aggregateCache() {
        return new AggregateCache();
    }
}
