package io.waybill.command.support;

import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The numbers the server gives out per organisation and series ({@code LE-000123}, {@code PO-000123}): sequential
 * without gaps, because the counter moves in the transaction that stores the event carrying the number, and its
 * row stays locked until that commits; a command that fails gives its number back. With Axon Server the counter
 * commits before the append: a number given to a command whose events were then lost (the process died between the
 * two) is not given again, and the series has a gap there. A {@link SideTable}: each number rides in the event that
 * carries it, so a counter is derived from the events as the highest number they gave.
 */
@Component
public class Counters implements SideTable {

    private static final String KEY = "counterWrites";
    private final JdbcTemplate jdbc;
    private final CarriedWrites writes;

    /** Counters whose numbers no event carries (tests of one aggregate, which store no events). */
    public Counters(JdbcTemplate jdbc) {
        this(jdbc, CarriedWrites.none());
    }

    @Autowired
    Counters(JdbcTemplate jdbc, CarriedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** The next number of the series in the organisation, as {@code PREFIX-000123}. */
    public String next(String orgId, String prefix) {
        int updated = jdbc.update("UPDATE number_counter SET last_value = last_value + 1 WHERE org_id = ? AND series = ?",
                orgId, prefix);
        if (updated == 0) {
            try {
                jdbc.update("INSERT INTO number_counter (org_id, series, last_value) VALUES (?, ?, 1)", orgId, prefix);
            } catch (DuplicateKeyException e) {
                throw new ConcurrencyException("a concurrent command started the counter " + prefix, e);
            }
        }
        long value = jdbc.queryForObject("SELECT last_value FROM number_counter WHERE org_id = ? AND series = ?",
                Long.class, orgId, prefix);
        if (writes.carrying()) {
            writes.carry(KEY, List.of(orgId, prefix, Long.toString(value)));
        }
        return String.format("%s-%06d", prefix, value);
    }

    @Override
    public String writes() {
        return KEY;
    }

    /** Raises the counter to the number the event gave, if it is lower (or missing). */
    @Override
    public void repair(List<String> write) {
        long value = Long.parseLong(write.get(2));
        List<Long> last = jdbc.queryForList("SELECT last_value FROM number_counter WHERE org_id = ? AND series = ?",
                Long.class, write.get(0), write.get(1));
        boolean inserted = last.isEmpty() && jdbc.update("INSERT INTO number_counter (org_id, series, last_value) "
                + "VALUES (?,?,?) ON CONFLICT DO NOTHING", write.get(0), write.get(1), value) == 1;
        // a counter another segment of the processor started meanwhile is raised like one found
        if (!inserted && (last.isEmpty() || last.get(0) < value)) {
            jdbc.update("UPDATE number_counter SET last_value = GREATEST(last_value, ?) WHERE org_id = ? "
                    + "AND series = ?", value, write.get(0), write.get(1));
        }
    }

    /** Nothing to take back: a number given out is not given again. */
    @Override
    public void takeBack(long before) {
    }
}
