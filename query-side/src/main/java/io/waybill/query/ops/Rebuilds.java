package io.waybill.query.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.api.DomainException;
import io.waybill.platform.metrics.WaybillMetrics;
import io.waybill.query.config.ProjectionErrors;
import io.waybill.query.config.ProjectionSettings;
import io.waybill.query.support.ReadModelTables;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.aop.support.AopUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zero-downtime replays. A replay rebuilds a projection from the first event into copies of its tables, with a
 * second tracking processor ({@code <name>@rebuild}) that runs the projection's own handlers with the copies'
 * schema first on its connections' search path and keeps its tokens beside them; the current tables and
 * processor go on serving and following new events meanwhile. When the rebuild has caught up with the head of the
 * store it takes over in one transaction ({@link RebuildStore#takeOver}) and the projection's processor continues
 * from the rebuild's position. The rebuild's progress is in its tokens, so a replay outlives a restart of the
 * process: every query side resumes the running replays it finds, where their tokens stand.
 */
@Component
public class Rebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final String SUFFIX = "@rebuild";
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProjectionPositions positions;
    private final RebuildStore store;
    private final ApplicationContext context;
    private final ConnectionProvider connections;
    private final Serializer serializer;
    private final TokenStoreProperties tokenStoreProperties;
    private final TransactionManager transactions;
    private final DataSource dataSource;
    private final ProjectionSettings settings;
    private final ObjectProvider<MeterRegistry> meters;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Rebuild> local = new ConcurrentHashMap<>();
    private final Set<String> gauges = ConcurrentHashMap.newKeySet();

    Rebuilds(EventProcessingConfiguration processing, EventStore eventStore, ProjectionPositions positions,
             RebuildStore store,
             ApplicationContext context, ConnectionProvider connections, Serializer serializer,
             TokenStoreProperties tokenStoreProperties, TransactionManager transactions, DataSource dataSource,
             ProjectionSettings settings, ObjectProvider<MeterRegistry> meters) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.positions = positions;
        this.store = store;
        this.context = context;
        this.connections = connections;
        this.serializer = serializer;
        this.tokenStoreProperties = tokenStoreProperties;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.settings = settings;
        this.meters = meters;
    }

    /** Starts a replay of the projection; a conflict if one is running. */
    public synchronized ReplayProgress start(String name) {
        List<String> tables = tablesOf(name);
        Instant now = clock.instant();
        boolean begun;
        try {
            begun = store.begin(name, now);
        } catch (DuplicateKeyException e) {
            begun = false;
        }
        if (!begun) {
            throw DomainException.conflict("a replay of projection " + name + " is running already; cancel it "
                    + "first to start over", Map.of("projection", name));
        }
        store.prepare(tables, name + SUFFIX);
        launch(name, tables, now);
        log.info("Replay of {} started: rebuilding {} from the first event while the current tables keep serving",
                name, tables);
        return progress(name);
    }

    /** Cancels the running replay: the rebuild stops and its copies are dropped; the current tables serve on. */
    public synchronized ReplayProgress cancel(String name) {
        List<String> tables = tablesOf(name);
        if (!store.cancel(name, clock.instant())) {
            throw DomainException.conflict("no replay of projection " + name + " is running",
                    Map.of("projection", name));
        }
        stop(name);
        store.discard(tables, name + SUFFIX);
        log.info("Replay of {} cancelled; the current tables go on serving", name);
        return progress(name);
    }

    /**
     * Whether this process runs a rebuild of the projection (from memory, without the database): the projection
     * counts as replaying, also while its processor stands still for the take-over.
     */
    public boolean rebuildingHere(String name) {
        return local.containsKey(name);
    }

    /** The running replay's progress, or the last replay's outcome; null if the projection was never replayed. */
    public ReplayProgress progress(String name) {
        RebuildStore.State state = store.state(name);
        if (state == null) {
            return null;
        }
        Rebuild rebuild = local.get(name);
        if (!state.running() || rebuild == null) {
            return new ReplayProgress(state.status(), state.startedAt(), state.finishedAt(), null, null,
                    "done".equals(state.status()) ? 100.0 : null, null, null, null);
        }
        return rebuild.progress(positions.head());
    }

    /**
     * Every second: starts here the running replays this process does not run yet (after a restart, or started
     * by another query side), stops those no longer running, logs progress, and lets caught-up rebuilds take over.
     */
    @Scheduled(fixedDelayString = "${waybill.projections.replay-check-interval:1s}",
            initialDelayString = "${waybill.projections.replay-check-interval:1s}")
    public synchronized void check() {
        List<String> running = store.running();
        for (String name : running) {
            if (!local.containsKey(name) && processing.eventProcessor(name).isPresent()) {
                RebuildStore.State state = store.state(name);
                log.info("Resuming the replay of {} started at {}, where its tokens stand", name, state.startedAt());
                launch(name, tablesOf(name), state.startedAt());
            }
        }
        for (String name : List.copyOf(local.keySet())) {
            if (!running.contains(name)) {
                stop(name);
                continue;
            }
            Rebuild rebuild = local.get(name);
            ReplayProgress progress = rebuild.progress(positions.head());
            rebuild.log(progress);
            if (rebuild.caughtUp(progress)) {
                takeOver(rebuild);
            }
        }
    }

    @Override
    public void destroy() {
        local.keySet().forEach(this::stop);
    }

    private void launch(String name, List<String> tables, Instant startedAt) {
        StreamingEventProcessor live = liveProcessor(name);
        String rebuildName = name + SUFFIX;
        JdbcTokenStore tokens = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(TokenSchema.builder().setTokenTable(RebuildStore.TOKENS).build())
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .nodeId(settings.nodeId())
                .build();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(rebuildName)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(readModelHandlers(live))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(eventStore)
                .tokenStore(tokens)
                .transactionManager(new InRebuildSchema(transactions, dataSource, store))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(settings.segments())
                        .andInitialSegmentsCount(settings.segments())
                        .andBatchSize(settings.replayBatchSize())
                        .andInitialTrackingToken(source -> source.createTailToken()))
                .build();
        Rebuild rebuild = new Rebuild(name, tables, processor, tokens, startedAt, positions.first(), clock);
        local.put(name, rebuild);
        registerGauges(name);
        processor.start();
    }

    private void stop(String name) {
        Rebuild rebuild = local.remove(name);
        if (rebuild != null) {
            rebuild.processor.shutDown();
        }
    }

    private void takeOver(Rebuild rebuild) {
        StreamingEventProcessor live = liveProcessor(rebuild.name);
        log.info("Replay of {} has caught up with the head of the store; taking over", rebuild.name);
        rebuild.processor.shutDown();
        live.shutDown();
        boolean done = false;
        try {
            done = true;
            if (store.takeOver(rebuild.name, rebuild.tables, rebuild.processor.getName(), clock.instant())) {
                store.discard(rebuild.tables, rebuild.processor.getName());
                log.info("Replay of {} done in {} s: the rebuilt tables are serving", rebuild.name,
                        Duration.between(rebuild.startedAt, clock.instant()).toSeconds());
            }
        } catch (RuntimeException e) {
            done = false;
            log.warn("Replay of {} could not take over yet and goes on: {}", rebuild.name, e.toString());
        } finally {
            live.start();
            if (done) {
                local.remove(rebuild.name);
            } else {
                rebuild.processor.start();
            }
        }
    }

    /** The projection's handlers that keep read-model tables (test recorders and the like stay out of a rebuild). */
    private static List<EventMessageHandler> readModelHandlers(StreamingEventProcessor live) {
        List<EventMessageHandler> handlers = new ArrayList<>();
        collect(((AbstractEventProcessor) live).eventHandlerInvoker(), handlers);
        return handlers.stream().filter(handler -> handler instanceof AnnotationEventHandlerAdapter adapter
                && adapter.getTargetType().isAnnotationPresent(ReadModelTables.class)).toList();
    }

    private static void collect(EventHandlerInvoker invoker, List<EventMessageHandler> into) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collect(delegate, into));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            into.addAll(simple.eventHandlers());
        }
    }

    private List<String> tablesOf(String name) {
        liveProcessor(name);
        Set<String> tables = new LinkedHashSet<>();
        context.getBeansWithAnnotation(ReadModelTables.class).values().forEach(bean -> {
            Class<?> type = AopUtils.getTargetClass(bean);
            ProcessingGroup group = type.getAnnotation(ProcessingGroup.class);
            if (group != null && group.value().equals(name)) {
                tables.addAll(List.of(type.getAnnotation(ReadModelTables.class).value()));
            }
        });
        if (tables.isEmpty()) {
            throw DomainException.conflict("projection " + name + " keeps no declared read-model tables and "
                    + "cannot be replayed", Map.of("projection", name));
        }
        return List.copyOf(tables);
    }

    private StreamingEventProcessor liveProcessor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> DomainException.notFound("projection", name));
    }

    private void registerGauges(String name) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry == null || !gauges.add(name)) {
            return;
        }
        Gauge.builder(WaybillMetrics.REPLAY_PROGRESS, this, self -> self.fraction(name))
                .description("Share of the events a running replay has rebuilt (0 to 1); NaN when none runs here")
                .tag(WaybillMetrics.PROJECTION_TAG, name).register(registry);
        Gauge.builder(WaybillMetrics.REPLAY_RATE, this, self -> self.rate(name))
                .description("Events per second a running replay rebuilds; NaN when none runs here")
                .tag(WaybillMetrics.PROJECTION_TAG, name).register(registry);
    }

    private double fraction(String name) {
        Rebuild rebuild = local.get(name);
        return rebuild == null ? Double.NaN : rebuild.lastFraction;
    }

    private double rate(String name) {
        Rebuild rebuild = local.get(name);
        return rebuild == null ? Double.NaN : rebuild.lastRate;
    }

    /** A rebuild running in this process, and its recent progress. */
    private static final class Rebuild {

        private final String name;
        private final List<String> tables;
        private final TrackingEventProcessor processor;
        private final JdbcTokenStore tokens;
        private final Instant startedAt;
        private final long first;
        private final Clock clock;
        private final Deque<long[]> samples = new ArrayDeque<>();
        private Instant lastLog;
        private volatile double lastFraction;
        private volatile double lastRate;

        Rebuild(String name, List<String> tables, TrackingEventProcessor processor, JdbcTokenStore tokens,
                Instant startedAt, long first, Clock clock) {
            this.name = name;
            this.tables = tables;
            this.processor = processor;
            this.tokens = tokens;
            this.startedAt = startedAt;
            this.first = first;
            this.clock = clock;
            this.lastLog = clock.instant();
        }

        /** The position every segment has passed, or -1 while this process does not hold every segment. */
        long position() {
            Collection<EventTrackerStatus> status = processor.processingStatus().values();
            int segments = tokens.fetchSegments(processor.getName()).length;
            if (status.isEmpty() || status.size() < segments) {
                return -1;
            }
            return status.stream().mapToLong(s -> s.getCurrentPosition().orElse(first - 1)).min().orElse(-1);
        }

        /** Whether the rebuild has applied every event up to the head its progress was taken at. */
        boolean caughtUp(ReplayProgress progress) {
            return progress.eventsDone() != null && progress.eventsDone().equals(progress.eventsTotal())
                    && processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        }

        /** Logs the progress line, every {@link #LOG_EVERY}. */
        synchronized void log(ReplayProgress progress) {
            if (progress.eventsDone() != null) {
                Instant now = clock.instant();
                if (Duration.between(lastLog, now).compareTo(LOG_EVERY) >= 0) {
                    lastLog = now;
                    log.info("Replay of {}: {} of {} events ({}%), {} events/s, about {} s to go", name,
                            progress.eventsDone(), progress.eventsTotal(), progress.percent(),
                            Math.round(progress.eventsPerSecond()), progress.etaSeconds());
                }
            }
        }

        synchronized ReplayProgress progress(long head) {
            long position = position();
            Instant now = clock.instant();
            if (position < 0) {
                return new ReplayProgress("running", startedAt, null, null, null, null, null, null, error());
            }
            long total = Math.max(0, head - first + 1);
            long done = Math.min(total, Math.max(0, position - first + 1));
            samples.addLast(new long[]{now.toEpochMilli(), done});
            while (samples.size() > 2 && now.toEpochMilli() - samples.peekFirst()[0] > RATE_WINDOW.toMillis()) {
                samples.removeFirst();
            }
            long[] oldest = samples.peekFirst();
            long millis = now.toEpochMilli() - oldest[0];
            double rate = millis <= 0 ? 0 : (done - oldest[1]) * 1000.0 / millis;
            double percent = total == 0 ? 100.0 : Math.floor(done * 1000.0 / total) / 10.0;
            Long eta = rate <= 0 ? null : Math.round((total - done) / rate);
            lastFraction = total == 0 ? 1.0 : (double) done / total;
            lastRate = rate;
            return new ReplayProgress("running", startedAt, null, done, total, percent,
                    Math.round(rate * 10) / 10.0, eta, error());
        }

        private String error() {
            return processor.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                    .map(s -> ProjectionErrors.describe(s.getError()))
                    .findFirst().orElse(null);
        }
    }

    /**
     * The rebuild's transactions: the projection's own statements, with unqualified table names, reach the copies
     * because each transaction starts by putting the copies' schema on the connection's search path.
     */
    private static final class InRebuildSchema implements TransactionManager {

        private final TransactionManager delegate;
        private final DataSource dataSource;
        private final RebuildStore store;

        InRebuildSchema(TransactionManager delegate, DataSource dataSource, RebuildStore store) {
            this.delegate = delegate;
            this.dataSource = dataSource;
            this.store = store;
        }

        @Override
        public Transaction startTransaction() {
            boolean outermost = !TransactionSynchronizationManager.isActualTransactionActive();
            Transaction transaction = delegate.startTransaction();
            if (!outermost) {
                return transaction;
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                store.enterRebuildSchema().forEach(sql -> execute(connection, sql));
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return new Transaction() {
                @Override
                public void commit() {
                    leave(connection);
                    transaction.commit();
                }

                @Override
                public void rollback() {
                    try {
                        leave(connection);
                    } finally {
                        transaction.rollback();
                    }
                }
            };
        }

        private void leave(Connection connection) {
            store.leaveRebuildSchema().forEach(sql -> execute(connection, sql));
        }

        private static void execute(Connection connection, String sql) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot switch the rebuild's schema: " + e.getMessage(), e);
            }
        }
    }
}
