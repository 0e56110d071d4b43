package io.waybill.query.ops;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The tables of replays: the copies a projection is rebuilt into (schema {@value #SCHEMA}, with the rebuild's own
 * tokens), the take-over that puts the copies' rows and tokens in place of the current ones, and the state of each
 * projection's replay ({@code projection_rebuild}). Blocking (JDBC); on PostgreSQL and H2.
 */
@Component
class RebuildStore {

    static final String SCHEMA = "waybill_rebuild";
    static final String TOKENS = SCHEMA + ".tokenentry";
    private static final Pattern TABLE = Pattern.compile("[a-z_]+");
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final boolean postgres;
    private final String liveSchema;

    RebuildStore(JdbcTemplate jdbc, JdbcTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
        this.liveSchema = jdbc.queryForObject("SELECT CURRENT_SCHEMA", String.class);
    }

    boolean postgres() {
        return postgres;
    }

    /**
     * The statements that make a connection's unqualified table names mean the copies first, for one transaction;
     * the event store and everything not copied are still found in the live schema.
     */
    List<String> enterRebuildSchema() {
        return postgres ? List.of("SET LOCAL search_path TO " + SCHEMA + ", " + liveSchema)
                : List.of("SET SCHEMA " + SCHEMA, "SET SCHEMA_SEARCH_PATH " + SCHEMA + ", " + liveSchema);
    }

    /** The statements that undo {@link #enterRebuildSchema()} where it outlasts the transaction (H2). */
    List<String> leaveRebuildSchema() {
        return postgres ? List.of() : List.of("SET SCHEMA " + liveSchema, "SET SCHEMA_SEARCH_PATH " + liveSchema);
    }

    /** Empty copies of the tables (leftovers of an earlier attempt dropped), and no rebuild tokens yet. */
    void prepare(List<String> tables, String rebuildProcessor) {
        transaction.executeWithoutResult(status -> {
            for (String table : tables) {
                jdbc.execute("DROP TABLE IF EXISTS " + copy(table));
                copyDefinition(table);
            }
            if (!exists("tokenentry")) {
                copyDefinition("tokenentry");
            }
            jdbc.update("DELETE FROM " + TOKENS + " WHERE processorname = ?", rebuildProcessor);
        });
    }

    /**
     * In one transaction: the live tables get the copies' rows, the projection's tokens become the rebuild's, and
     * the replay is marked done. Readers see the old rows until the commit and the new ones after it. Writers of
     * the live tables (another process's projection) wait for the commit, and then find their claim gone. The
     * projection's dead letters go too: the rebuild applied every event, those included.
     * Answers false, changing nothing, when the replay is no longer running (cancelled meanwhile).
     */
    boolean takeOver(String projection, List<String> tables, String rebuildProcessor, Instant at) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (postgres) {
                jdbc.execute("LOCK TABLE " + String.join(", ", tables.stream().map(RebuildStore::checked).toList())
                        + " IN EXCLUSIVE MODE");
            }
            if (jdbc.update("UPDATE projection_rebuild SET status = 'done', finished_at = ? WHERE projection = ? "
                    + "AND status = 'running'", at.toEpochMilli(), projection) == 0) {
                return false;
            }
            for (String table : tables) {
                jdbc.update("DELETE FROM " + checked(table));
                jdbc.update("INSERT INTO " + checked(table) + " SELECT * FROM " + copy(table));
            }
            jdbc.update("DELETE FROM deadletterentry WHERE processinggroup = ?", projection);
            jdbc.update("DELETE FROM tokenentry WHERE processorname = ?", projection);
            jdbc.update("INSERT INTO tokenentry (processorname, segment, token, tokentype, timestamp, owner) "
                    + "SELECT ?, segment, token, tokentype, timestamp, NULL FROM " + TOKENS
                    + " WHERE processorname = ?", projection, rebuildProcessor);
            return true;
        }));
    }

    /** Drops the copies and the rebuild's tokens. */
    void discard(List<String> tables, String rebuildProcessor) {
        transaction.executeWithoutResult(status -> {
            tables.forEach(table -> jdbc.execute("DROP TABLE IF EXISTS " + copy(table)));
            if (exists("tokenentry")) {
                jdbc.update("DELETE FROM " + TOKENS + " WHERE processorname = ?", rebuildProcessor);
            }
        });
    }

    /** Records a new running replay; false if one is running already. */
    boolean begin(String projection, Instant at) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            List<String> current = jdbc.queryForList("SELECT status FROM projection_rebuild WHERE projection = ? "
                    + "FOR UPDATE", String.class, projection);
            if (current.contains("running")) {
                return false;
            }
            jdbc.update("DELETE FROM projection_rebuild WHERE projection = ?", projection);
            jdbc.update("INSERT INTO projection_rebuild (projection, status, started_at) VALUES (?, 'running', ?)",
                    projection, at.toEpochMilli());
            return true;
        }));
    }

    /** Marks a running replay cancelled; false if none was running. */
    boolean cancel(String projection, Instant at) {
        return jdbc.update("UPDATE projection_rebuild SET status = 'cancelled', finished_at = ? WHERE projection = ? "
                + "AND status = 'running'", at.toEpochMilli(), projection) == 1;
    }

    /** The running replay of the projection, or its last one; null if it never had one. */
    State state(String projection) {
        try {
            return jdbc.queryForObject("SELECT * FROM projection_rebuild WHERE projection = ?",
                    (rs, n) -> new State(rs.getString("projection"), rs.getString("status"),
                            Instant.ofEpochMilli(rs.getLong("started_at")),
                            rs.getObject("finished_at") == null ? null
                                    : Instant.ofEpochMilli(rs.getLong("finished_at"))), projection);
        } catch (EmptyResultDataAccessException e) {
            return null;
        }
    }

    List<String> running() {
        return jdbc.queryForList("SELECT projection FROM projection_rebuild WHERE status = 'running'", String.class);
    }

    record State(String projection, String status, Instant startedAt, Instant finishedAt) {

        boolean running() {
            return "running".equals(status);
        }
    }

    private void copyDefinition(String table) {
        if (postgres) {
            jdbc.execute("CREATE TABLE " + copy(table) + " (LIKE " + liveSchema + "." + checked(table)
                    + " INCLUDING ALL)");
            // LIKE leaves out the columns' statistics targets, and a copy is analyzed as often as it grows
            jdbc.queryForList("SELECT format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS %s', ?, attname, "
                    + "attstattarget) FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 "
                    + "AND NOT attisdropped AND attstattarget >= 0", String.class, copy(table),
                    liveSchema + "." + checked(table)).forEach(jdbc::execute);
            return;
        }
        // H2 has no CREATE TABLE ... LIKE: its own script of the table (columns, keys, indexes), moved to the schema
        String from = "\"" + liveSchema + "\".";
        List<String> statements = new ArrayList<>();
        jdbc.query("SCRIPT NODATA NOPASSWORDS NOSETTINGS TABLE " + liveSchema + "." + checked(table), rs -> {
            String statement = rs.getString(1);
            if (statement.startsWith("CREATE MEMORY TABLE") || statement.startsWith("CREATE CACHED TABLE")
                    || statement.startsWith("ALTER TABLE") || statement.startsWith("CREATE INDEX")
                    || statement.startsWith("CREATE UNIQUE INDEX")) {
                statements.add(statement.replace(from, "\"" + SCHEMA + "\"."));
            }
        });
        statements.forEach(jdbc::execute);
    }

    private boolean exists(String table) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_name = ?", Integer.class, SCHEMA, table);
        return found != null && found > 0;
    }

    private static String copy(String table) {
        return SCHEMA + "." + checked(table);
    }

    private static String checked(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a read-model table name: " + table);
        }
        return table;
    }
}
