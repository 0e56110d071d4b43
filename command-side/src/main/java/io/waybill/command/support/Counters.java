package io.waybill.command.support;

import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The numbers the server gives out per organisation and series ({@code LE-000123}, {@code PO-000123}): sequential
 * without gaps, because the counter moves in the transaction that stores the event carrying the number, and its
 * row stays locked until that commits; a command that fails gives its number back.
 */
@Component
public class Counters {

    private final JdbcTemplate jdbc;

    public Counters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        return String.format("%s-%06d", prefix, value);
    }
}
