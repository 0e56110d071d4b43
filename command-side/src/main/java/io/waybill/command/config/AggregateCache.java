package io.waybill.command.config;

import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.lang.reflect.Field;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The aggregates a command side keeps loaded between commands, so a command on a ledger or lot with a long history
 * does not read it again (docs/design.md, "Performance"). Weak references: the garbage collector empties it under
 * memory pressure.
 * <p>
 * A cached aggregate is served only while it is current: its version must be the last sequence number the store
 * holds for it (one indexed read, against reading the whole history). Another command side may have written to it
 * since it was cached (several command sides on one PostgreSQL, or Axon Server routing an aggregate elsewhere and
 * back); deciding on the stale state would refuse what the current state allows (an {@code If-Match} of the newer
 * version, stock another side received) or collide on append. A stale entry is dropped and the aggregate is read
 * from the store. A write that lands between this check and the command's own append still collides, and the
 * command is decided again ({@link DecidingCommandBus}).
 */
final class AggregateCache extends WeakReferenceCache {

    /** The version a cache entry was made at: Axon's entry has no public accessor for it. */
    private static final Field VERSION;

    static {
        try {
            VERSION = AggregateCacheEntry.class.getDeclaredField("version");
            VERSION.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Supplier<EventStore> store;

    AggregateCache(Supplier<EventStore> store) {
        this.store = store;
    }

    @Override
    public <K, V> V get(K key) {
        V value = super.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !current(String.valueOf(key), entry)) {
            remove(key);
            return null;
        }
        return value;
    }

    private boolean current(String aggregateId, AggregateCacheEntry<?> entry) {
        try {
            return Objects.equals(VERSION.get(entry), store.get().lastSequenceNumberFor(aggregateId).orElse(null));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
