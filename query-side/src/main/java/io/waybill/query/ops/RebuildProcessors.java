package io.waybill.query.ops;

import io.waybill.api.DomainException;
import io.waybill.platform.axon.ChecksKept;
import io.waybill.query.config.ProjectionSettings;
import io.waybill.query.support.ReadModelTables;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a replay works with: a projection's live processor, the read-model tables it declares, and the second
 * processor ({@code <name>@rebuild}) that runs the projection's read-model handlers into the copies, with tokens of
 * its own. The handlers are made from the projection beans as Axon makes the live ones (same parameter resolvers
 * and handler enhancers), so no processor internals are reached into.
 */
@Component
class RebuildProcessors {

    static final String SUFFIX = "@rebuild";
    private final EventProcessingConfiguration processing;
    private final Configuration axon;
    private final ApplicationContext context;
    private final ConnectionProvider connections;
    private final Serializer serializer;
    private final TokenStoreProperties tokenStoreProperties;
    private final TransactionManager transactions;
    private final DataSource dataSource;
    private final RebuildStore store;
    private final ProjectionSettings settings;

    RebuildProcessors(EventProcessingConfiguration processing, Configuration axon, ApplicationContext context,
                      ConnectionProvider connections, Serializer serializer, TokenStoreProperties tokenStoreProperties,
                      TransactionManager transactions, DataSource dataSource, RebuildStore store,
                      ProjectionSettings settings) {
        this.processing = processing;
        this.axon = axon;
        this.context = context;
        this.connections = connections;
        this.serializer = serializer;
        this.tokenStoreProperties = tokenStoreProperties;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.store = store;
        this.settings = settings;
    }

    /** The rebuild processor of a projection and its token store, not started yet. */
    record Built(TrackingEventProcessor processor, JdbcTokenStore tokens) {
    }

    boolean exists(String name) {
        return processing.eventProcessor(name).isPresent();
    }

    StreamingEventProcessor live(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> DomainException.notFound("projection", name));
    }

    /** The tables the projection's beans declare with {@link ReadModelTables}; a conflict if there are none. */
    List<String> tablesOf(String name) {
        live(name);
        List<String> tables = declaredTables(name);
        if (tables.isEmpty()) {
            throw DomainException.conflict("projection " + name + " keeps no declared read-model tables and "
                    + "cannot be replayed", Map.of("projection", name));
        }
        return tables;
    }

    /** The tables the projection's beans declare with {@link ReadModelTables}, none for a process that keeps none. */
    List<String> declaredTables(String name) {
        Set<String> tables = new LinkedHashSet<>();
        readModelBeans(name).forEach(bean -> tables.addAll(
                List.of(AopUtils.getTargetClass(bean).getAnnotation(ReadModelTables.class).value())));
        return List.copyOf(tables);
    }

    Built build(String name) {
        JdbcTokenStore tokens = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(TokenSchema.builder().setTokenTable(RebuildStore.TOKENS).build())
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .nodeId(settings.nodeId())
                .build();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name + SUFFIX)
                .eventHandlerInvoker(ChecksKept.around(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(readModelHandlers(name))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build()))
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(axon.eventStore())
                .tokenStore(tokens)
                .transactionManager(new InRebuildSchema(transactions, dataSource, store))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(settings.segments())
                        .andInitialSegmentsCount(settings.segments())
                        .andBatchSize(settings.replayBatchSize())
                        .andInitialTrackingToken(source -> source.createTailToken()))
                .build();
        return new Built(processor, tokens);
    }

    /** The projection's handlers that keep read-model tables (test recorders and the like stay out of a rebuild). */
    private List<EventMessageHandler> readModelHandlers(String name) {
        List<EventMessageHandler> handlers = new ArrayList<>();
        for (Object bean : readModelBeans(name)) {
            Class<?> type = AopUtils.getTargetClass(bean);
            handlers.add(new AnnotationEventHandlerAdapter(bean, axon.parameterResolverFactory(),
                    axon.handlerDefinition(type)));
        }
        return handlers;
    }

    private List<Object> readModelBeans(String name) {
        return context.getBeansWithAnnotation(ReadModelTables.class).values().stream().filter(bean -> {
            ProcessingGroup group = AopUtils.getTargetClass(bean).getAnnotation(ProcessingGroup.class);
            return group != null && group.value().equals(name);
        }).toList();
    }
}
