package io.waybill.command.support;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates that arrive together are stored together: a group commit. A thread takes the creates waiting when it is free
 * (up to {@code waybill.commands.group-commit.max-batch}, no two for one id), handles each in a unit of work of its
 * own nested in one around them all, and stores their events and registry rows in that unit's one transaction; a
 * create is answered after that commit, so an answer still means the create is stored. Under load that is one commit
 * and one append statement for many creates instead of one each, and the creates that wait while a commit is flushed
 * go together into the next. A create waits for nothing else: a free thread that finds one create handles it at
 * once, alone.
 * <p>
 * The first thread takes whatever waits. The others ({@code .threads} in all) help only while at least
 * {@code .join-at} creates wait, or a create has waited {@value #HELP_AFTER_MS} ms: at moderate rates one thread
 * makes fewer, larger groups (fewer commits, less work for the database), at the peak a second builds a group while
 * the first one's commit is flushed, and a group held up (a slow flush, a lock another transaction holds) does not
 * hold up the creates behind it.
 * <p>
 * Each create keeps what it would have alone: its own unit of work, metadata, registry claims and answer, and its
 * events carry its own writes ({@link CarriedWrites}). If any create of a group fails (a refusal, a lost race) or the
 * commit fails, the whole transaction is rolled back, nothing of the group is stored, and each create is handled
 * again alone, as it would have been without grouping: its answer is the one it gets then. Only with the JDBC store
 * ({@code postgres} and {@code embedded} modes): with Axon Server the events are not stored in the database's
 * transaction, and creates are sent alone.
 */
@Component
class GroupCommit implements SmartLifecycle {

    /** Creates stored per commit, for the operator (and the tests) to see whether grouping happens. */
    static final String METER = "waybill.commands.grouped";
    /** How long a create waits before a helper takes it, however few wait: also how often an idle helper looks. */
    static final long HELP_AFTER_MS = 50;
    private static final long HELP_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(HELP_AFTER_MS);

    private final CommandGateway gateway;
    private final TransactionManager transactions;
    private final ObjectProvider<EventStore> store;
    private final boolean wanted;
    private final int threads;
    private final int maxBatch;
    private final int joinAt;
    private final DistributionSummary grouped;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    /** Calls a helper in when enough creates wait; at most one call is pending at a time. */
    private final Semaphore helpCalls = new Semaphore(0);
    private final AtomicInteger idleHelpers = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    GroupCommit(CommandGateway gateway, TransactionManager transactions, ObjectProvider<EventStore> store,
                MeterRegistry meters,
                @Value("${waybill.commands.group-commit.enabled:true}") boolean wanted,
                @Value("${waybill.commands.group-commit.threads:2}") int threads,
                @Value("${waybill.commands.group-commit.max-batch:64}") int maxBatch,
                @Value("${waybill.commands.group-commit.join-at:8}") int joinAt) {
        if (threads < 1 || maxBatch < 1 || joinAt < 1) {
            throw new IllegalArgumentException(
                    "waybill.commands.group-commit.threads, .max-batch and .join-at must be at least 1");
        }
        this.gateway = gateway;
        this.transactions = transactions;
        this.store = store;
        this.wanted = wanted;
        this.threads = threads;
        this.maxBatch = maxBatch;
        this.joinAt = joinAt;
        this.grouped = DistributionSummary.builder(METER).description("creates stored per commit").register(meters);
    }

    /** Stores the create {@code command} of aggregate {@code id} with the others waiting; answers after the commit. */
    @SuppressWarnings("unchecked")
    <R> Mono<R> create(CommandMessage<?> command, String id) {
        return (Mono<R>) Mono.create(answer -> {
            if (running) {
                queue.add(new Waiting(command, id, answer, System.nanoTime()));
                if (idleHelpers.get() > 0 && enoughWait() && helpCalls.availablePermits() == 0) {
                    helpCalls.release();
                }
            } else {
                answer.error(new IllegalStateException("the command side is shutting down"));
            }
        });
    }

    @Override
    public void start() {
        if (!wanted || store.getObject() instanceof AxonServerEventStore) {
            return;
        }
        running = true;
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(i == 0 ? this::work : this::help, "group-commit-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * Stops after the web server (a lower phase than its graceful shutdown): the creates it let finish are answered
     * first. A create still waiting then is refused rather than left without an answer.
     */
    @Override
    public void stop() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        for (Waiting left; (left = queue.poll()) != null; ) {
            left.answer.error(new IllegalStateException("the command side is shutting down"));
        }
    }

    /** Whether creates are grouped here; if not, the sender sends them alone. */
    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** The first thread: takes whatever waits. */
    private void work() {
        Deque<Waiting> deferred = new ArrayDeque<>();
        while (running || !deferred.isEmpty()) {
            try {
                Waiting first = deferred.isEmpty() ? queue.poll(100, TimeUnit.MILLISECONDS) : deferred.poll();
                if (first != null) {
                    answered(group(first, deferred));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A helper: takes groups while help is wanted, and the creates it deferred; then waits to be called. */
    private void help() {
        Deque<Waiting> deferred = new ArrayDeque<>();
        while (running) {
            Waiting first;
            while ((first = deferred.isEmpty() ? (helpNeeded() ? queue.poll() : null) : deferred.poll()) != null) {
                answered(group(first, deferred));
            }
            idleHelpers.incrementAndGet();
            try {
                helpCalls.tryAcquire(HELP_AFTER_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                idleHelpers.decrementAndGet();
            }
        }
    }

    private boolean helpNeeded() {
        Waiting oldest = queue.peek();
        return oldest != null && (enoughWait() || System.nanoTime() - oldest.since >= HELP_AFTER_NANOS);
    }

    private boolean enoughWait() {
        return queue.size() >= joinAt;
    }

    /** {@code first} and the creates waiting behind it, each id once: a second create of an id waits for the next. */
    private List<Waiting> group(Waiting first, Deque<Waiting> deferred) {
        List<Waiting> group = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        group.add(first);
        ids.add(first.id);
        List<Waiting> again = new ArrayList<>();
        Waiting next;
        while (group.size() < maxBatch && (next = deferred.isEmpty() ? queue.poll() : deferred.poll()) != null) {
            (ids.add(next.id) ? group : again).add(next);
        }
        for (int i = again.size() - 1; i >= 0; i--) {
            deferred.addFirst(again.get(i));
        }
        return group;
    }

    /** Handles the group; whatever escapes answers each create not yet answered, and the thread goes on. */
    private void answered(List<Waiting> group) {
        try {
            handle(group);
        } catch (RuntimeException | Error failure) {
            group.forEach(create -> create.answer.error(failure));
        }
    }

    private void handle(List<Waiting> group) {
        if (group.size() == 1) {
            alone(group.get(0));
            return;
        }
        List<Object> answers = new ArrayList<>(group.size());
        UnitOfWork<?> all = DefaultUnitOfWork.startAndGet(new GenericMessage<>(group.size()));
        try {
            all.attachTransaction(transactions);
            for (Waiting create : group) {
                CommandResultMessage<?> result = handled(create.command);
                if (result == null || result.isExceptional()) {
                    break;
                }
                answers.add(result.getPayload());
            }
            if (answers.size() < group.size()) {
                all.rollback();
            } else {
                all.commit();
            }
        } catch (RuntimeException | Error failure) {
            if (all.isActive()) {
                all.rollback(failure);
            }
            answers.clear();
        }
        if (answers.size() < group.size()) {
            group.forEach(this::alone);
            return;
        }
        grouped.record(group.size());
        for (int i = 0; i < group.size(); i++) {
            group.get(i).answer.success(answers.get(i));
        }
    }

    /** Handles the command in a unit of work nested in the current one; Axon's bus answers before it returns. */
    private CommandResultMessage<?> handled(CommandMessage<?> command) {
        CommandResultMessage<?>[] result = new CommandResultMessage<?>[1];
        gateway.send(command, (message, answer) -> result[0] = answer);
        return result[0];
    }

    /** Handles and stores the create on its own, as the sender would: its own transaction, its own answer. */
    private void alone(Waiting create) {
        try {
            Object answer = gateway.sendAndWait(create.command);
            grouped.record(1);
            create.answer.success(answer);
        } catch (RuntimeException failure) {
            create.answer.error(failure);
        }
    }

    private record Waiting(CommandMessage<?> command, String id, MonoSink<Object> answer, long since) {
    }
}
