package io.waybill.query.events;

import io.waybill.platform.axon.JdbcEventStoreConfig;
import io.waybill.platform.persistence.DatabaseNotifications;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one reader of the event store in this process: it reads new events in global-index order, never past a
 * missing index that may still come ({@link Holes}), and hands each to the subscribers of its organisation. What
 * it has passed is the safe position: everything at or below it is delivered or a permanent hole. It reads every
 * poll interval, and at once after a commit of events: this process's, or another's while a stream listens.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class EventFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);
    private static final int BATCH = 500;
    /** How far below the head a starting feed begins, so that writes in flight at start-up are not passed over. */
    private static final long START_BEHIND = 1000;
    private final StoredEvents store;
    private final Holes holes;
    private final EventStore eventStore;
    private final StreamSettings settings;
    private final Map<String, Set<StreamSubscriber>> byOrg = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicInteger listening = new AtomicInteger();
    private ScheduledExecutorService thread;
    private volatile long safe;
    private volatile boolean running;

    EventFeed(StoredEvents store, Holes holes, EventStore eventStore, StreamSettings settings,
              DatabaseNotifications notifications) {
        this.store = store;
        this.holes = holes;
        this.eventStore = eventStore;
        this.settings = settings;
        notifications.listen(JdbcEventStoreConfig.EVENTS_CHANNEL, () -> {
            if (subscribers() > 0) {
                wake();
            }
        });
    }

    /** Everything at or below this position is decided: delivered, or a hole that stays one. */
    long safePosition() {
        return safe;
    }

    /** Adds a subscriber and answers the position from which the feed delivers to it (exclusive). */
    long register(StreamSubscriber subscriber) {
        synchronized (lock) {
            if (byOrg.computeIfAbsent(subscriber.orgId(), org -> ConcurrentHashMap.newKeySet()).add(subscriber)) {
                listening.incrementAndGet();
            }
            return safe;
        }
    }

    void unregister(StreamSubscriber subscriber) {
        Set<StreamSubscriber> subscribers = byOrg.get(subscriber.orgId());
        if (subscribers != null && subscribers.remove(subscriber)) {
            listening.decrementAndGet();
        }
    }

    int subscribers() {
        return listening.get();
    }

    /** Reads now rather than at the next poll: events were just committed, by this process or (heard) another. */
    void wake() {
        if (running && wakeQueued.compareAndSet(false, true)) {
            thread.execute(() -> {
                wakeQueued.set(false);
                poll();
            });
        }
    }

    private void poll() {
        try {
            boolean again = true;
            while (again && running) {
                again = readOnce();
            }
        } catch (RuntimeException e) {
            log.warn("Reading the event store for streams failed; trying again at the next poll", e);
        }
    }

    /**
     * One read past the safe position; answers whether to read again at once. While no stream listens, only the
     * indices are read: the safe position still moves (the events list reads up to it), and nothing is turned into
     * an entry that nobody receives.
     */
    private boolean readOnce() {
        List<FeedEvent> events = subscribers() == 0
                ? store.positionsAfter(safe, BATCH).stream().map(FeedEvent::unread).toList()
                : store.after(safe, BATCH);
        for (FeedEvent event : events) {
            if (event.position() != safe + 1) {
                long fence = events.get(events.size() - 1).position();
                Holes.Verdict verdict = holes.check(safe + 1, fence, System.currentTimeMillis());
                if (verdict != Holes.Verdict.PASS) {
                    return verdict == Holes.Verdict.READ_AGAIN;
                }
                log.debug("Passing permanent holes {} to {} in the event store", safe + 1, event.position() - 1);
            }
            if (!deliver(event)) {
                return true;
            }
        }
        return events.size() == BATCH;
    }

    /** Delivers the event and passes it; false if it was not read and a stream has joined since, to read it again. */
    private boolean deliver(FeedEvent event) {
        synchronized (lock) {
            if (!event.read() && subscribers() > 0) {
                return false;
            }
            Set<StreamSubscriber> subscribers = event.orgId() == null ? null : byOrg.get(event.orgId());
            if (subscribers != null) {
                subscribers.forEach(subscriber -> subscriber.offer(event));
            }
            safe = event.position();
            return true;
        }
    }

    private void heartbeat() {
        byOrg.values().forEach(subscribers -> subscribers.forEach(StreamSubscriber::heartbeat));
    }

    @Override
    public void start() {
        safe = Math.max(0, store.head() - START_BEHIND);
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread feed = new Thread(runnable, "waybill-event-feed");
            feed.setDaemon(true);
            return feed;
        });
        running = true;
        eventStore.subscribe(messages -> CurrentUnitOfWork.ifStarted(unit -> unit.afterCommit(u -> wake())));
        long poll = settings.pollInterval().toMillis();
        thread.scheduleWithFixedDelay(this::poll, 0, poll, TimeUnit.MILLISECONDS);
        long beat = settings.heartbeat().toMillis();
        thread.scheduleAtFixedRate(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
