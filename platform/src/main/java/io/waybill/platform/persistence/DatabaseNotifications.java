package io.waybill.platform.persistence;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL's notifications for this process: one connection of its own listens on every channel a component
 * asked for ({@link #listen}), and one of its own sends ({@link #sender}); what this process sent is not heard by
 * it, which knows already. On the embedded database, which has neither notifications nor a second process, nothing
 * is heard and nothing is sent.
 * <p>
 * A notification is a hint that something changed, never the change itself: a listener reads what changed, and
 * while the listening connection is not established (at start, after it was lost) a listener is told it is deaf
 * and must not rely on hearing. The listening connection is opened again a second after it was lost.
 */
@Component
public class DatabaseNotifications implements SmartInitializingSingleton, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseNotifications.class);
    private static final Duration RECONNECT = Duration.ofSeconds(1);

    private final ConnectionFactory direct;
    private final boolean available;
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final List<Sender> senders = new CopyOnWriteArrayList<>();
    private volatile boolean listening;
    private volatile Disposable subscription;

    public DatabaseNotifications(ConnectionFactory connections) {
        this.direct = connections instanceof ConnectionPool pool ? pool.unwrap() : connections;
        this.available = "PostgreSQL".equals(direct.getMetadata().getName());
    }

    /** What a component does when its channel is heard, and when hearing starts or stops. */
    public interface Listener {

        /** A notification on the channel arrived. */
        void heard();

        /** The channel is listened to from now on: whatever changed before may not have been heard. */
        default void hearing() {
        }

        /** The channel is not listened to until {@link #hearing()} again. */
        default void deaf() {
        }
    }

    /** Listens on {@code channel} from the start of this process; call while the application starts. */
    public void listen(String channel, Listener listener) {
        listeners.computeIfAbsent(channel, name -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Whether every channel is being listened to now. */
    public boolean listening() {
        return listening;
    }

    /**
     * Sends notifications on {@code channel}, each at least {@code interval} after the one before; on the embedded
     * database it sends nothing.
     */
    public Sender sender(String channel, Duration interval) {
        Sender sender = new Sender(channel, interval.toNanos());
        senders.add(sender);
        return sender;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!available || listeners.isEmpty()) {
            return;
        }
        subscription = Flux.defer(this::listenAll)
                .filter(notification -> !sentHere(notification.getProcessId()))
                .doOnNext(notification -> listeners.getOrDefault(notification.getName(), List.of())
                        .forEach(Listener::heard))
                .onErrorResume(failure -> {
                    LOG.debug("Listening for {} failed", listeners.keySet(), failure);
                    return Mono.empty();
                })
                .doOnTerminate(() -> {
                    if (listening) {
                        LOG.warn("Lost the connection that listens for {}; listening again in {} s",
                                listeners.keySet(), RECONNECT.toSeconds());
                    }
                    deaf();
                })
                .repeatWhen(ended -> ended.delayElements(RECONNECT))
                .subscribe();
    }

    private boolean sentHere(int backend) {
        for (Sender sender : senders) {
            if (sender.backend == backend) {
                return true;
            }
        }
        return false;
    }

    private Flux<Notification> listenAll() {
        String statement = String.join("; ", listeners.keySet().stream().map(channel -> "LISTEN " + channel)
                .toList());
        return Mono.from(direct.create()).cast(PostgresqlConnection.class)
                .flatMapMany(connection -> connection.createStatement(statement).execute()
                        .flatMap(PostgresqlResult::getRowsUpdated)
                        .then(Mono.fromRunnable(this::hearing))
                        .thenMany(connection.getNotifications())
                        .doFinally(signal -> close(connection)));
    }

    private void hearing() {
        listening = true;
        LOG.info("Listening for {}", listeners.keySet());
        listeners.values().forEach(channel -> channel.forEach(Listener::hearing));
    }

    private void deaf() {
        listening = false;
        listeners.values().forEach(channel -> channel.forEach(Listener::deaf));
    }

    private static void close(PostgresqlConnection connection) {
        Mono.from(connection.close()).subscribe(null, failure -> { });
    }

    @Override
    public void destroy() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        senders.forEach(Sender::close);
        deaf();
    }

    /**
     * Notifies one channel on a connection of its own, one notification at a time and at most one an interval: those
     * asked for meanwhile become one, sent when the interval is over. So a process that commits a thousand times a
     * second never queues notifications, and its listeners are woken at most once an interval, not per commit.
     * <p>
     * The connection commits without waiting for the write-ahead log's flush ({@code synchronous_commit = off}):
     * a notification needs a transaction of its own, and PostgreSQL holds one lock for every notifying transaction
     * of the database until its commit is done. A notification lost in a crash costs a listener its next poll.
     */
    public final class Sender {

        private final String channel;
        private final long intervalNanos;
        /** 0: idle; 1: one sent, its interval running; 2: the same, and another asked for. */
        private final AtomicInteger state = new AtomicInteger();
        private final AtomicLong sent = new AtomicLong();
        private volatile PostgresqlConnection connection;
        /** The process id of the open connection's backend (0 while none is open), named in each notification. */
        private volatile int backend;

        private Sender(String channel, long intervalNanos) {
            this.channel = channel;
            this.intervalNanos = intervalNanos;
        }

        /** Asks for a notification: sent now, or once the interval since the last one is over. */
        public void send() {
            if (!available) {
                return;
            }
            int current;
            do {
                current = state.get();
                if (current == 2) {
                    return;
                }
            } while (!state.compareAndSet(current, current + 1));
            if (current == 0) {
                sendOne();
            }
        }

        /** How many notifications were sent. */
        long sent() {
            return sent.get();
        }

        /**
         * Sends one notification; the interval runs from when it went out (or failed), so that opening the connection
         * first does not bring the next one closer than the interval.
         */
        private void sendOne() {
            connection()
                    .flatMap(open -> Flux.from(open.createStatement("NOTIFY " + channel).execute())
                            .flatMap(PostgresqlResult::getRowsUpdated).then())
                    .doOnSuccess(done -> sent.incrementAndGet())
                    .doOnError(failure -> {
                        LOG.debug("Notifying {} failed", channel, failure);
                        close();
                    })
                    .onErrorComplete()
                    .doFinally(signal -> {
                        if (intervalNanos > 0) {
                            Mono.delay(Duration.ofNanos(intervalNanos)).subscribe(tick -> intervalOver());
                        } else {
                            intervalOver();
                        }
                    })
                    .subscribe();
        }

        private void intervalOver() {
            if (state.decrementAndGet() > 0) {
                sendOne();
            }
        }

        private Mono<PostgresqlConnection> connection() {
            PostgresqlConnection open = connection;
            if (open != null) {
                return Mono.just(open);
            }
            return Mono.from(direct.create()).cast(PostgresqlConnection.class)
                    .flatMap(created -> Flux.from(created.createStatement("SET synchronous_commit = off").execute())
                            .flatMap(PostgresqlResult::getRowsUpdated)
                            .thenMany(Flux.from(created.createStatement("SELECT pg_backend_pid()").execute()))
                            .flatMap(result -> result.map(row -> row.get(0, Integer.class))).next()
                            .map(pid -> {
                                backend = pid;
                                connection = created;
                                return created;
                            })
                            .doOnError(failure -> DatabaseNotifications.close(created)));
        }

        private void close() {
            PostgresqlConnection open = connection;
            connection = null;
            backend = 0;
            if (open != null) {
                DatabaseNotifications.close(open);
            }
        }
    }
}
