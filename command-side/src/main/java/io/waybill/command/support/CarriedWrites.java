package io.waybill.command.support;

import io.waybill.platform.axon.MessageMetadata;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Puts the writes a command makes to the command side's own tables ({@link SideTable}) into the metadata of its first
 * event, one metadata entry per table, so that the event store holds every write and the tables can be derived from
 * it ({@link SideTables}). Axon's event bus runs this when the command's events are about to be stored, all of them at
 * once, in the transaction of the writes. A write of a command that stores no event would be carried by nothing (no
 * command writes these tables without an event; with Axon Server such a write would stay pending and be taken back).
 */
@Component
public class CarriedWrites implements MessageDispatchInterceptor<EventMessage<?>>, SmartInitializingSingleton {

    private static final String RESOURCE = CarriedWrites.class.getName();
    private static final int STORED_HERE_LIMIT = 100_000;
    private final ObjectProvider<EventStore> store;
    private final boolean confirmAlways;
    private final Set<String> storedHere = ConcurrentHashMap.newKeySet();
    private volatile boolean storedApart;

    CarriedWrites(ObjectProvider<EventStore> store,
                  @Value("${waybill.side-tables.confirm-writes:false}") boolean confirmAlways) {
        this.store = store;
        this.confirmAlways = confirmAlways;
    }

    /** Carries nothing: for a table written where no event is stored (tests of one aggregate). */
    public static CarriedWrites none() {
        return new CarriedWrites(null, false);
    }

    @Override
    public void afterSingletonsInstantiated() {
        EventStore events = store.getObject();
        storedApart = events instanceof AxonServerEventStore;
        events.registerDispatchInterceptor(this);
    }

    /** Whether a write now is a command's, to be carried by its first event (else it is carried by nothing). */
    public boolean carrying() {
        return store != null && CurrentUnitOfWork.isStarted();
    }

    /**
     * Whether a command's write now stays pending until the side tables' processor sees its events stored: where
     * the events are stored apart from the database (Axon Server), so that a write whose events were lost can be
     * found. With the JDBC store the write commits with its events or not at all, so it is confirmed as written
     * ({@code waybill.side-tables.confirm-writes} makes every write wait, to test that path on any store).
     */
    public boolean pending() {
        return carrying() && (storedApart || confirmAlways);
    }

    /** The version of a row after a write over {@code version}; rows written before writes were carried restart. */
    public static long after(long version) {
        return version == Long.MAX_VALUE ? 1 : version + 1;
    }

    /** Holds a write to the table whose writes events carry under {@code key}, until the command's events go. */
    public void carry(String key, List<String> write) {
        UnitOfWork<?> work = CurrentUnitOfWork.get();
        Message<?> command = work.getMessage();
        add(held(work), command == null ? "" : command.getIdentifier(), key, List.of(write));
    }

    /** Adds {@code writes} to those under {@code key} held at {@code at} (a cause, or an event's index). */
    private static <K> void add(Map<K, Map<String, List<List<String>>>> held, K at, String key,
                                List<List<String>> writes) {
        held.computeIfAbsent(at, a -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new ArrayList<>())
                .addAll(writes);
    }

    /**
     * The writes held in a unit of work, by the id of the message whose handling made them (the {@code causationId}
     * of that handling's events). A nested unit (a command handled within another's unit of work, or one of a group
     * of creates, {@link GroupCommit}) hands its writes to its parent when it commits, as Axon's event bus hands over
     * its events, and drops them with its events when it rolls back: a write is carried only by the events of the
     * work that made it.
     */
    private static Map<String, Map<String, List<List<String>>>> held(UnitOfWork<?> work) {
        return work.getOrComputeResource(RESOURCE, resource -> {
            Map<String, Map<String, List<List<String>>>> writes = new LinkedHashMap<>();
            work.parent().ifPresent(parent -> work.onPrepareCommit(u -> {
                if (!parent.phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT)) {
                    Map<String, Map<String, List<List<String>>>> handedOver = held(parent);
                    writes.forEach((cause, tables) -> tables.forEach((key, list) ->
                            add(handedOver, cause, key, list)));
                    writes.clear();
                }
            }));
            return writes;
        });
    }

    /** The writes under {@code key} the event carries, each as its table wrote it (none for most events). */
    public static List<List<String>> of(EventMessage<?> event, String key) {
        List<List<String>> writes = new ArrayList<>();
        if (event.getMetaData().get(key) instanceof List<?> rows) {
            for (Object row : rows) {
                writes.add(((List<?>) row).stream().map(value -> value == null ? null : value.toString()).toList());
            }
        }
        return writes;
    }

    /**
     * Whether this process stored the event in the transaction of its writes, since it started: then its writes are
     * in the tables as it carries them, and the side tables' processor need not look (it forgets the event here).
     * Only where writes are confirmed as written (the JDBC store); the events of other processes, and every event
     * after a restart or while emptied tables are rebuilt, are looked at.
     */
    boolean storedHere(EventMessage<?> event) {
        return storedHere.remove(event.getIdentifier());
    }

    /** Forgets which events this process stored: the side tables are rebuilt, every event is to be looked at. */
    void forgetStoredHere() {
        storedHere.clear();
    }

    /** The first of the events that the message {@code cause} caused; the first event if none says so. */
    private static int firstCausedBy(List<? extends EventMessage<?>> events, String cause) {
        for (int i = 0; i < events.size(); i++) {
            if (cause.equals(events.get(i).getMetaData().get(MessageMetadata.CAUSATION_ID))) {
                return i;
            }
        }
        return 0;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (!storedApart && !confirmAlways && CurrentUnitOfWork.isStarted()) {
            // before the commit, so that the processor cannot see the events first; taken out again on a rollback
            List<String> ids = messages.stream().map(EventMessage::getIdentifier).toList();
            if (storedHere.size() > STORED_HERE_LIMIT) {
                // the processor runs in another process, or lags far behind: it looks at every event instead
                storedHere.clear();
            }
            storedHere.addAll(ids);
            CurrentUnitOfWork.get().onRollback(unitOfWork -> ids.forEach(storedHere::remove));
        }
        Map<String, Map<String, List<List<String>>>> held = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().getResource(RESOURCE) : null;
        if (held == null || held.isEmpty()) {
            return (index, message) -> message;
        }
        Map<Integer, Map<String, List<List<String>>>> carried = new HashMap<>();
        held.forEach((cause, tables) -> tables.forEach((key, list) ->
                add(carried, firstCausedBy(messages, cause), key, list)));
        held.clear();
        return (index, message) -> {
            Map<String, List<List<String>>> writes = carried.get(index);
            return writes == null ? message : message.andMetaData(writes);
        };
    }
}
