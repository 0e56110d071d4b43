package io.waybill.command.config;

import io.waybill.platform.axon.CommandErrors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CommandSideConfig {

    /** The bean every aggregate names as its cache. */
    public static final String AGGREGATE_CACHE = "aggregateCache";
    static final int PROCESS_BATCH = 100;

    @Autowired
    void translateDomainErrors(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new CommandErrors());
    }

    /**
     * Aggregates stay loaded between commands, so a command on a ledger or lot with a long history does not read
     * it again (docs/design.md, "Performance"). Weak references: the garbage collector empties it under memory
     * pressure. Another command side's write makes a cached aggregate stale; its next append then collides with
     * the stored sequence number, the unit of work rolls back and evicts it, and the command is sent again
     * ({@code CommandSender}) against the state loaded from the store.
     */
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
        return new WeakReferenceCache();
    }
}
