package io.waybill.platform.security;

import io.r2dbc.pool.ConnectionPool;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells this process when who may do what has changed, so {@link AccessDirectory} may keep what it read. On
 * PostgreSQL a trigger on the access tables notifies the channel {@code waybill_access} with every committed change
 * (migration V21), whoever made it; this process listens on a connection of its own. Each notification, and each
 * change this process commits itself ({@link #changed()}, before its answer leaves), starts a new generation: what
 * was read in an older one is not used again.
 * <p>
 * While the listening connection is not established (at start, after it was lost, or on the embedded database,
 * which has no notifications and no second process) {@link #listening()} is false and nothing is kept.
 */
@Component
public class AccessChanges implements SmartInitializingSingleton, DisposableBean {

    static final String CHANNEL = "waybill_access";
    private static final Logger LOG = LoggerFactory.getLogger(AccessChanges.class);
    private static final Duration RECONNECT = Duration.ofSeconds(1);

    private final ConnectionFactory connections;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile Disposable subscription;

    public AccessChanges(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** The current generation: a read made in it may be kept while it lasts. */
    public long generation() {
        return generation.get();
    }

    /** Whether every change is being heard; when not, nothing read may be kept. */
    public boolean listening() {
        return listening;
    }

    /** This process committed a change to the access tables. */
    public void changed() {
        generation.incrementAndGet();
    }

    @Override
    public void afterSingletonsInstantiated() {
        ConnectionFactory direct = connections instanceof ConnectionPool pool ? pool.unwrap() : connections;
        if (!"PostgreSQL".equals(direct.getMetadata().getName())) {
            return;
        }
        subscription = Flux.defer(() -> listen(direct))
                .doOnNext(notification -> changed())
                .onErrorResume(failure -> {
                    LOG.debug("Listening for access changes failed", failure);
                    return Mono.empty();
                })
                .doOnTerminate(() -> {
                    if (listening) {
                        LOG.warn("Lost the connection that hears access changes: tokens are read on every request "
                                + "until it is back");
                    }
                    deaf();
                })
                .repeatWhen(ended -> ended.delayElements(RECONNECT))
                .subscribe();
    }

    private Flux<?> listen(ConnectionFactory direct) {
        return Mono.from(direct.create()).cast(PostgresqlConnection.class)
                .flatMapMany(connection -> connection.createStatement("LISTEN " + CHANNEL).execute()
                        .flatMap(PostgresqlResult::getRowsUpdated)
                        .then(Mono.fromRunnable(this::hearing))
                        .thenMany(connection.getNotifications())
                        .doFinally(signal -> Mono.from(connection.close()).subscribe(null, failure -> { })));
    }

    private void hearing() {
        changed();
        listening = true;
        LOG.info("Listening for access changes: tokens read are kept until the next change");
    }

    private void deaf() {
        listening = false;
        changed();
    }

    @Override
    public void destroy() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        deaf();
    }
}
