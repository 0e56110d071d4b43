package io.waybill.query.support;

import io.waybill.query.config.HandlerSavepoints;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The rows of one read-model table as a projection's handlers see them during a processor's batch: the rows the
 * batch's events need are read with one statement on the batch's first miss, changed in memory, and written with
 * one JDBC batch just before the batch commits, instead of a read and a write for every event. A replay, whose
 * batches hold whole histories, writes each record once, as it ends the batch.
 * <p>
 * The writes wait only where a failure cannot be blamed on the wrong event: in a processor's batch whose handlers
 * run without savepoints ({@link HandlerSavepoints#writesMayWait()}). If the waiting writes fail, the batch rolls
 * back and its retry runs each handler in a savepoint, writing at once, so the failing event is parked alone.
 * Outside a batch (a parked event retried) every read and write goes to the database at once.
 *
 * @param <K> a row's key
 * @param <R> a row: its key and every value, its version among them
 */
public final class BatchRows<K, R> {

    /** How the rows are stored. */
    public interface Table<K, R> {

        /** The stored rows of these keys; a key without one is left out. */
        Map<K, R> read(Collection<K> keys);

        /** Stores each row whose key holds none; answers the rows whose key was taken. */
        List<R> insert(List<R> rows);

        /** Stores each row over its key's, where the stored version is older. */
        void update(List<R> rows);
    }

    private final Table<K, R> table;
    private final Function<EventMessage<?>, K> keyToRead;
    private final HandlerSavepoints savepoints;
    /** Tells the tables apart in a unit of work's resources (an identity hash code may be shared). */
    private static final AtomicLong INSTANCES = new AtomicLong();
    private final String resource = BatchRows.class.getName() + "#" + INSTANCES.incrementAndGet();

    /**
     * @param keyToRead the key whose row an event of the batch will read, null for an event that reads none (one
     *                  that creates its row, or one of another table); given every event of the batch
     */
    public BatchRows(Table<K, R> table, Function<EventMessage<?>, K> keyToRead, HandlerSavepoints savepoints) {
        this.table = table;
        this.keyToRead = keyToRead;
        this.savepoints = savepoints;
    }

    /** The row of the key as this batch left it, or as stored. */
    public Optional<R> find(K key) {
        Pending pending = pending();
        if (pending == null) {
            return Optional.ofNullable(table.read(List.of(key)).get(key));
        }
        if (!pending.known.contains(key)) {
            pending.readMissing(key);
        }
        return Optional.ofNullable(pending.rows.get(key));
    }

    /**
     * A new row, stored where its key holds none. Where it holds one already (a history seen again), the stored row
     * is written over only if its version is older than the one the batch leaves.
     */
    public void insert(K key, R row) {
        Pending pending = pending();
        if (pending == null) {
            List<R> taken = table.insert(List.of(row));
            if (!taken.isEmpty()) {
                table.update(taken);
            }
            return;
        }
        if (pending.rows.get(key) != null) {
            return;
        }
        pending.known.add(key);
        pending.rows.put(key, row);
        pending.inserted.add(key);
    }

    /** A row found with {@link #find}, changed. */
    public void update(K key, R row) {
        Pending pending = pending();
        if (pending == null) {
            table.update(List.of(row));
            return;
        }
        pending.rows.put(key, row);
        if (!pending.inserted.contains(key)) {
            pending.updated.add(key);
        }
    }

    /** This batch's rows, made on the batch's first use; null where writes go to the database at once. */
    private Pending pending() {
        if (!savepoints.writesMayWait()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(resource, name -> {
            Pending pending = new Pending((BatchingUnitOfWork<?>) batch);
            batch.onPrepareCommit(unitOfWork -> pending.write());
            return pending;
        });
    }

    private final class Pending {

        private final BatchingUnitOfWork<?> batch;
        /** The keys whose row is known: read, found missing, or inserted in this batch. */
        private final Set<K> known = new LinkedHashSet<>();
        private final Map<K, R> rows = new LinkedHashMap<>();
        private final Set<K> inserted = new LinkedHashSet<>();
        private final Set<K> updated = new LinkedHashSet<>();

        private Pending(BatchingUnitOfWork<?> batch) {
            this.batch = batch;
        }

        /** Reads the missed key's row with those of the batch's other events not known yet. */
        private void readMissing(K missed) {
            Set<K> keys = new LinkedHashSet<>();
            keys.add(missed);
            for (var message : batch.getMessages()) {
                K key = message instanceof EventMessage<?> event ? keyToRead.apply(event) : null;
                if (key != null && !known.contains(key)) {
                    keys.add(key);
                }
            }
            rows.putAll(table.read(keys));
            known.addAll(keys);
        }

        private void write() {
            try {
                List<R> updates = new ArrayList<>();
                if (!inserted.isEmpty()) {
                    updates.addAll(table.insert(inserted.stream().map(rows::get).toList()));
                }
                updated.forEach(key -> updates.add(rows.get(key)));
                if (!updates.isEmpty()) {
                    table.update(updates);
                }
            } catch (RuntimeException | Error e) {
                savepoints.waitedWritesFailed();
                throw e;
            }
        }
    }
}
