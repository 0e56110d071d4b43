package io.waybill.command.config;

import org.axonframework.common.caching.WeakReferenceCache;

/**
 * The aggregates a command side keeps loaded between commands, so a command on a ledger or lot with a long history
 * does not read it again (docs/design.md, "Performance"). Weak references: the garbage collector empties it under
 * memory pressure. It counts, per thread, the aggregates it served: a command decided on a cached aggregate may have
 * been decided on a stale one ({@link DecidingCommandBus}).
 */
final class AggregateCache extends WeakReferenceCache {

    private static final ThreadLocal<long[]> SERVED = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public <K, V> V get(K key) {
        V value = super.get(key);
        if (value != null) {
            SERVED.get()[0]++;
        }
        return value;
    }

    /** How many aggregates this thread has been served from the cache so far. */
    static long servedOnThisThread() {
        return SERVED.get()[0];
    }
}
