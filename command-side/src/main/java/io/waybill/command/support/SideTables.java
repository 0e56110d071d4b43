package io.waybill.command.support;

import io.waybill.platform.axon.CommandProcess;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The command side's processor that derives its {@link SideTable}s from the events: every write an event carries is
 * made again in its table. Run from the start of the store over emptied tables, it rebuilds every row written since
 * writes are carried.
 */
@Component
@CommandProcess
@ProcessingGroup(SideTables.PROCESSOR)
public class SideTables {

    public static final String PROCESSOR = "side-tables";
    private final List<SideTable> tables;
    private final CarriedWrites writes;
    private final AtomicReference<Instant> seen = new AtomicReference<>();

    SideTables(List<SideTable> tables, CarriedWrites writes) {
        this.tables = tables;
        this.writes = writes;
    }

    /**
     * Every event, its payload left unread: only its metadata can carry writes. An event this process stored with
     * its writes in one transaction is passed over unread ({@link CarriedWrites#storedHere}).
     */
    @EventHandler
    void on(EventMessage<?> event) {
        seen.accumulateAndGet(event.getTimestamp(), (a, b) -> a == null || b.isAfter(a) ? b : a);
        if (writes.storedHere(event)) {
            return;
        }
        for (SideTable table : tables) {
            CarriedWrites.of(event, table.writes()).forEach(table::repair);
        }
    }

    @ResetHandler
    void reset() {
        writes.forgetStoredHere();
    }

    /** The time of the latest event this process has applied, if it has applied any. */
    Optional<Instant> lastSeen() {
        return Optional.ofNullable(seen.get());
    }

    List<SideTable> tables() {
        return tables;
    }
}
