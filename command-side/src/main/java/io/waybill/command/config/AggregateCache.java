package io.waybill.command.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.lang.reflect.Field;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The aggregates a command side keeps loaded between commands, so a command on a ledger or lot with a long history
 * does not read it again (docs/design.md, "Performance"). An aggregate built from at least {@code heldFrom} events is
 * held strongly, up to {@code maxEvents} events' worth of such aggregates (each weighs its version, the events it was
 * built from: a ledger's state grows with its entries); past that Caffeine drops those least likely to be used again,
 * by how recently and how often they were. A shorter one, or one longer than the whole bound, is held by a weak
 * reference, which the next garbage collection may clear: reading a few events again costs little, and the records a
 * stream of creates leaves behind never fill the heap. Held weakly, a ledger of 100,000 entries was dropped by the
 * first collection after its command, and the next command read it all again.
 * <p>
 * A cached aggregate is served only while it is current: its version must be the last sequence number the store
 * holds for it (one indexed read, against reading the whole history). Another command side may have written to it
 * since it was cached (several command sides on one PostgreSQL, or Axon Server routing an aggregate elsewhere and
 * back); deciding on the stale state would refuse what the current state allows (an {@code If-Match} of the newer
 * version, stock another side received) or collide on append. A stale entry is dropped and the aggregate is read
 * from the store. A write that lands between this check and the command's own append still collides, and the
 * command is decided again ({@link DecidingCommandBus}).
 * <p>
 * Axon's repository only puts, gets and removes entries; entry listeners are not offered.
 */
final class AggregateCache implements Cache {

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
    private final long heldFrom;
    private final long maxEvents;
    private final ConcurrentMap<Object, Object> held;
    private final Cache light = new WeakReferenceCache();

    AggregateCache(Supplier<EventStore> store, long heldFrom, long maxEvents) {
        if (heldFrom < 1 || maxEvents < 1) {
            throw new IllegalArgumentException(
                    "waybill.commands.aggregate-cache.held-from and .max-events must be at least 1");
        }
        this.store = store;
        this.heldFrom = heldFrom;
        this.maxEvents = maxEvents;
        // eviction runs on the writing thread: no hand-off to a pool per put
        this.held = Caffeine.newBuilder().maximumWeight(maxEvents)
                .weigher((Object key, Object value) -> weight(value)).executor(Runnable::run).build().asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = held.get(key);
        if (value == null) {
            value = light.get(key);
        }
        if (value instanceof AggregateCacheEntry<?> entry && !Objects.equals(version(entry),
                store.get().lastSequenceNumberFor(String.valueOf(key)).orElse(null))) {
            remove(key);
            return null;
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        int weight = weight(value);
        if (weight >= heldFrom && weight <= maxEvents) {
            held.put(key, value);
            light.remove(key);
        } else {
            light.put(key, value);
            held.remove(key);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        return held.remove(key) != null | light.remove(key);
    }

    @Override
    public void removeAll() {
        held.clear();
        light.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return held.containsKey(key) || light.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("the aggregate cache offers no entry listeners");
    }

    private static int weight(Object value) {
        Long version = value instanceof AggregateCacheEntry<?> entry ? version(entry) : null;
        return version == null ? 1 : (int) Math.min(Integer.MAX_VALUE, version + 1);
    }

    private static Long version(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
