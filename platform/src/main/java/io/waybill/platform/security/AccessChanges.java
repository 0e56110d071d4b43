package io.waybill.platform.security;

import io.waybill.platform.persistence.DatabaseNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells this process when who may do what has changed, so {@link AccessDirectory} may keep what it read. On
 * PostgreSQL a trigger on the access tables notifies the channel {@code waybill_access} with every committed change
 * (migration V21), whoever made it; this process listens ({@link DatabaseNotifications}). Each notification, and
 * each change this process commits itself ({@link #changed()}, before its answer leaves), starts a new generation:
 * what was read in an older one is not used again.
 * <p>
 * While the listening connection is not established (at start, after it was lost, or on the embedded database,
 * which has no notifications and no second process) {@link #listening()} is false and nothing is kept.
 */
@Component
public class AccessChanges implements DatabaseNotifications.Listener {

    static final String CHANNEL = "waybill_access";
    private static final Logger LOG = LoggerFactory.getLogger(AccessChanges.class);

    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;

    public AccessChanges(DatabaseNotifications notifications) {
        notifications.listen(CHANNEL, this);
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
    public void heard() {
        changed();
    }

    @Override
    public void hearing() {
        changed();
        listening = true;
        LOG.info("Tokens read are kept until the next change of access");
    }

    @Override
    public void deaf() {
        if (listening) {
            LOG.warn("Access changes are not heard: tokens are read on every request until they are again");
        }
        listening = false;
        changed();
    }
}
