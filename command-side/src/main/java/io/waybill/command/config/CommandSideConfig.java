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
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

@Configuration(proxyBeanMethods = false)
public class CommandSideConfig {

    /** The bean every aggregate names as its cache. */
    public static final String AGGREGATE_CACHE = "aggregateCache";
    static final int PROCESS_BATCH = 100;

    /**
     * The bus that handles this process's commands, in place of Axon's default (and as Axon Server's local segment
     * in that mode): it decides a command again when it lost a race, and turns business failures into the form that
     * survives Axon Server ({@link CommandErrors}).
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(TransactionManager transactions, org.axonframework.config.Configuration axon,
                                DuplicateCommandHandlerResolver duplicates, ObjectProvider<EventStore> store) {
        SimpleCommandBus bus = new DecidingCommandBus(SimpleCommandBus.builder()
                .transactionManager(transactions)
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus")),
                id -> store.getObject().lastSequenceNumberFor(id).isPresent());
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        bus.registerHandlerInterceptor(new CommandErrors());
        return bus;
    }

    /**
     * Every aggregate finds the aggregate a command is for through {@link CommandTargets}, and reads only the events
     * of its own type. Ids share one space in the event store and clients choose many of them; unfiltered, a create
     * given an id another kind of record holds would load that record's history into the wrong aggregate.
     * {@code @Aggregate(filterEventsByType = true)} would say the same, but Axon's Spring Boot lookup ignores that
     * attribute (4.13 passes on only the snapshot settings, command target resolver, cache, lock factory and
     * repository), so it is set on every aggregate's configurer here. Static: it must exist before the configurers are
     * made.
     */
    @Bean
    static BeanPostProcessor aggregateSettings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof SpringAggregateConfigurer<?> aggregate) {
                    aggregate.setCommandTargetResolver(CommandTargets.BEAN);
                    aggregate.setFilterEventsByType(true);
                }
                return bean;
            }
        };
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

    /**
     * One cache per aggregate type (each aggregate asks for the bean and gets its own): ids share one space, and a
     * cache shared by the types would hand a record of one type to another type's repository under the same id.
     * Each holds aggregates of {@code waybill.commands.aggregate-cache.held-from} events or more strongly, up to
     * {@code .max-events} events' worth of them, and the others weakly.
     */
    @Bean(AGGREGATE_CACHE)
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    Cache aggregateCache(ObjectProvider<EventStore> store,
                         @Value("${waybill.commands.aggregate-cache.held-from:100}") long heldFrom,
                         @Value("${waybill.commands.aggregate-cache.max-events:500000}") long maxEvents) {
        return new AggregateCache(store::getObject, heldFrom, maxEvents);
    }
}
