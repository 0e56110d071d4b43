package io.waybill.bench;

import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the event store ({@code domainevententry}) and the read models straight from the database, to hold them
 * against each other and against what clients were told; the API is used only for what the service itself
 * recomputes from the store (the inventory drift check) and to rebuild projections.
 */
final class StoreVerifier {

    /** The id of the record a stream holds: what follows the organisation in {@code <orgId>:<id>}. */
    private static final String RECORD_ID = "substr(aggregateidentifier, strpos(aggregateidentifier, ':') + 1)";

    /** An item group whose read-model version is not the number of its events in the store. */
    record VersionDrift(String sid, long version, long events) {
    }

    private final Database database;
    private final Api api;

    StoreVerifier(Database database, Api api) {
        this.database = database;
        this.api = api;
    }

    /**
     * Events per record whose id starts with {@code prefix} (a stream is {@code <orgId>:<id>}); only those of
     * {@code eventType} unless null.
     */
    Map<String, Long> eventsPerAggregate(String prefix, String eventType) throws SQLException {
        return counts("SELECT " + RECORD_ID + ", COUNT(*) FROM domainevententry WHERE aggregateidentifier LIKE ?"
                + " AND payloadtype LIKE ? GROUP BY 1", "%:" + prefix + "%",
                eventType == null ? "%" : "%." + eventType);
    }

    /** The live item groups of the read model whose sid starts with {@code prefix}. */
    List<String> itemGroupRows(String prefix) throws SQLException {
        return new ArrayList<>(counts("SELECT sid, 1 FROM item_group_view WHERE sid LIKE ? AND NOT deleted",
                prefix + "%").keySet());
    }

    /** The ids the command side has registered (its uniqueness and lookup table) that start with {@code prefix}. */
    List<String> registeredIds(String prefix) throws SQLException {
        return new ArrayList<>(counts("SELECT id, 1 FROM entity_registry WHERE id LIKE ?", prefix + "%").keySet());
    }

    /** Item groups starting with {@code prefix} whose version differs from their number of stored events. */
    List<VersionDrift> versionDrifts(String prefix) throws SQLException {
        List<VersionDrift> drifts = new ArrayList<>();
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT v.sid, v.version, (SELECT COUNT(*) FROM domainevententry e "
                        + "WHERE e.aggregateidentifier = v.org_id || ':' || v.sid) "
                        + "FROM item_group_view v WHERE v.sid LIKE ?")) {
            statement.setString(1, prefix + "%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getLong(2) != rows.getLong(3)) {
                        drifts.add(new VersionDrift(rows.getString(1), rows.getLong(2), rows.getLong(3)));
                    }
                }
            }
        }
        return drifts;
    }

    /** Entry id to the number of stored events that recorded it, in one item's ledger. */
    Map<String, Long> ledgerEntryEvents(String itemId) throws SQLException {
        return counts("SELECT convert_from(payload, 'UTF8')::jsonb -> 'entry' ->> 'id', COUNT(*) FROM domainevententry"
                + " WHERE aggregateidentifier = ? AND payloadtype LIKE ? GROUP BY 1", "ledger-" + itemId, "%");
    }

    /** Entry id to the number of stored events that recorded it, of the entries of {@code type} in one item's ledger. */
    Map<String, Long> ledgerEntryEvents(String itemId, String type) throws SQLException {
        return counts("SELECT convert_from(payload, 'UTF8')::jsonb -> 'entry' ->> 'id', COUNT(*) FROM domainevententry"
                + " WHERE aggregateidentifier = ? AND convert_from(payload, 'UTF8')::jsonb -> 'entry' ->> 'type' = ?"
                + " GROUP BY 1", "ledger-" + itemId, type);
    }

    /** Receipt id to the number of stored events that recorded it, of one purchase order. */
    Map<String, Long> receiptsRecorded(String purchaseOrderId) throws SQLException {
        return counts("SELECT convert_from(payload, 'UTF8')::jsonb -> 'receipt' ->> 'receiptId', COUNT(*)"
                + " FROM domainevententry WHERE aggregateidentifier LIKE ? AND payloadtype LIKE ? GROUP BY 1",
                "%:" + purchaseOrderId, "%.PurchaseOrderReceiptRecorded");
    }

    /** Ledger entries of the read model, entry id to rows (the primary key allows one). */
    Map<String, Long> ledgerEntryRows(String itemId) throws SQLException {
        return counts("SELECT id, COUNT(*) FROM ledger_entry_view WHERE item_id = ? GROUP BY id", itemId);
    }

    /** Row count and md5 of the rows of every read-model table, in a fixed order: equal rows, equal prints. */
    Map<String, String> fingerprint() throws SQLException {
        Map<String, String> prints = new LinkedHashMap<>();
        for (String table : new TreeSet<>(projections().values().stream().flatMap(List::stream).toList())) {
            prints.put(table, database.text("SELECT COUNT(*) || ':' || COALESCE(md5(string_agg(t::text, '|' ORDER BY"
                    + " t::text)), '-') FROM " + table + " t"));
        }
        return prints;
    }

    /** The service's drift check: balances recomputed from the store against the summary read model. */
    List<String> inventoryDifferences() {
        List<String> differences = new ArrayList<>();
        for (JsonNode difference : api.read("/api/inventory/verify").path("differences")) {
            differences.add(difference.toString());
        }
        return differences;
    }

    /** Replays every projection, one after the other, each awaited until it has taken over. */
    void replayAll(Duration within) throws InterruptedException {
        for (String projection : projections().keySet()) {
            replay(projection, within);
        }
    }

    /** The projections that keep read-model tables, with their tables, as the query side lists them. */
    private Map<String, List<String>> projections() {
        Map<String, List<String>> projections = new LinkedHashMap<>();
        for (JsonNode projection : api.read("/api/ops/projections").path("data")) {
            List<String> tables = new ArrayList<>();
            projection.path("tables").forEach(table -> tables.add(table.asString()));
            if (!tables.isEmpty()) {
                projections.put(projection.path("name").asString(), tables);
            }
        }
        if (projections.isEmpty()) {
            throw new IllegalStateException("the query side lists no projection that keeps tables");
        }
        return projections;
    }

    /** Starts a replay of the projection and waits until it has taken over. */
    void replay(String projection, Duration within) throws InterruptedException {
        Api.Reply started = api.postToQuerySide("/api/ops/projections/" + projection + "/replay");
        if (started.status() != 202) {
            throw new IllegalStateException("replay of " + projection + " answered " + started.status() + ": "
                    + started.body());
        }
        awaitReplayDone(projection, within);
    }

    void awaitReplayDone(String projection, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String status;
        while (!"done".equals(status = replayStatus(projection))) {
            if ("cancelled".equals(status)) {
                throw new IllegalStateException("the replay of " + projection + " was cancelled");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the replay of " + projection + " was not done within " + within);
            }
            Thread.sleep(100);
        }
    }

    String replayStatus(String projection) {
        Api.Reply reply = api.get("/api/ops/projections/" + projection);
        return reply.ok() ? reply.json().path("replay").path("status").asString() : "unknown";
    }

    private Map<String, Long> counts(String sql, String... parameters) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }
}
