package io.waybill.query.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.api.DomainException;
import io.waybill.platform.metrics.WaybillMetrics;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
    private final RebuildProcessors processors;
    private final ProjectionPositions positions;
    private final RebuildStore store;
    private final ObjectProvider<MeterRegistry> meters;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Rebuild> local = new ConcurrentHashMap<>();
    private final Set<String> gauges = ConcurrentHashMap.newKeySet();

    Rebuilds(RebuildProcessors processors, ProjectionPositions positions, RebuildStore store,
             ObjectProvider<MeterRegistry> meters) {
        this.processors = processors;
        this.positions = positions;
        this.store = store;
        this.meters = meters;
    }

    /** Starts a replay of the projection; a conflict if one is running. */
    public synchronized ReplayProgress start(String name) {
        List<String> tables = processors.tablesOf(name);
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
        store.prepare(tables, name + RebuildProcessors.SUFFIX);
        launch(name, tables, now);
        log.info("Replay of {} started: rebuilding {} from the first event while the current tables keep serving",
                name, tables);
        return progress(name);
    }

    /** Cancels the running replay: the rebuild stops and its copies are dropped; the current tables serve on. */
    public synchronized ReplayProgress cancel(String name) {
        List<String> tables = processors.tablesOf(name);
        if (!store.cancel(name, clock.instant())) {
            throw DomainException.conflict("no replay of projection " + name + " is running",
                    Map.of("projection", name));
        }
        stop(name);
        store.discard(tables, name + RebuildProcessors.SUFFIX);
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

    /** The tables a replay of the projection rebuilds; none if it keeps none. */
    public List<String> tables(String name) {
        return processors.declaredTables(name);
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
            if (!local.containsKey(name) && processors.exists(name)) {
                RebuildStore.State state = store.state(name);
                log.info("Resuming the replay of {} started at {}, where its tokens stand", name, state.startedAt());
                launch(name, processors.tablesOf(name), state.startedAt());
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
        RebuildProcessors.Built built = processors.build(name);
        Rebuild rebuild = new Rebuild(name, tables, built.processor(), built.tokens(), startedAt, positions.first(),
                clock);
        local.put(name, rebuild);
        registerGauges(name);
        built.processor().start();
    }

    private void stop(String name) {
        Rebuild rebuild = local.remove(name);
        if (rebuild != null) {
            rebuild.processor.shutDown();
        }
    }

    private void takeOver(Rebuild rebuild) {
        StreamingEventProcessor live = processors.live(rebuild.name);
        log.info("Replay of {} has caught up with the head of the store; taking over", rebuild.name);
        rebuild.takingOver(true);
        // together: each waits for its threads, which may be waiting for events (Axon's availability timeout, 1 s)
        CompletableFuture.allOf(rebuild.processor.shutdownAsync(), live.shutdownAsync()).join();
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
                rebuild.takingOver(false);
            }
        }
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
        return rebuild == null ? Double.NaN : rebuild.fraction();
    }

    private double rate(String name) {
        Rebuild rebuild = local.get(name);
        return rebuild == null ? Double.NaN : rebuild.rate();
    }
}
