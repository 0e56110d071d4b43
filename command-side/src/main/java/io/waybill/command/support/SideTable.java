package io.waybill.command.support;

import java.util.List;

/**
 * A table of the command side written by command handlers beside their events (the id registry, the ledger's entry
 * index, the number counters, the catalog's references, the access tables), derived from the events all the same:
 * each write is carried by the command's first event ({@link CarriedWrites}), made again from there
 * ({@link SideTables}), and taken back when no stored event carries it.
 */
public interface SideTable {

    /** The metadata key under which events carry this table's writes. */
    String writes();

    /**
     * Makes a write an event carries, unless the table holds it or something newer: usually the command made it and
     * this confirms it; a write lost beside its stored events is made again, and a table emptied is rebuilt.
     */
    void repair(List<String> write);

    /**
     * Takes back the writes commands made before {@code before} (epoch milliseconds) that are not confirmed: by then
     * every stored event up to that time has been applied, so no stored event carries them.
     */
    void takeBack(long before);
}
