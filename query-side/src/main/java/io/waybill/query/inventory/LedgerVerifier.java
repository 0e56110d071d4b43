package io.waybill.query.inventory;

import io.waybill.api.inventory.BalanceChange;
import io.waybill.api.inventory.Bucket;
import io.waybill.api.inventory.InventoryLedgerEvent;
import io.waybill.api.inventory.LedgerId;
import io.waybill.api.inventory.LedgerVerification;
import io.waybill.api.inventory.LedgerVerification.Difference;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The drift check: recomputes each ledger's balances from its events in the event store and compares them with
 * {@code inventory_balance}. The balances and the sequence number each ledger's projection has reached are read
 * in one statement, and only the events up to that number are summed: later ones are lag, counted as pending, not
 * drift. Without an item, the ledgers checked are those the projection knows. Blocking (JDBC, event store).
 */
@Component
class LedgerVerifier {

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;

    LedgerVerifier(JdbcTemplate jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    /** What the read model shows of one ledger: the last event applied and the balances per location. */
    private static final class Shown {
        long lastSeq = -1;
        final Map<String, Map<Bucket, BigDecimal>> balances = new TreeMap<>();
    }

    LedgerVerification verify(String orgId, String itemId) {
        Map<String, Shown> shown = shown(orgId, itemId);
        if (itemId != null) {
            shown.putIfAbsent(itemId, new Shown());
        }
        List<Difference> differences = new ArrayList<>();
        int checkedBalances = 0;
        long pending = 0;
        for (var ledger : shown.entrySet()) {
            List<DomainEventMessage<?>> events = eventsOf(orgId, ledger.getKey());
            if (itemId != null && events.isEmpty() && ledger.getValue().lastSeq < 0) {
                return new LedgerVerification(0, 0, List.of(), 0);
            }
            Map<String, Map<Bucket, BigDecimal>> expected = new TreeMap<>();
            for (DomainEventMessage<?> event : events) {
                if (event.getSequenceNumber() > ledger.getValue().lastSeq) {
                    pending++;
                } else {
                    add(expected, (InventoryLedgerEvent) event.getPayload());
                }
            }
            TreeSet<String> locations = new TreeSet<>(expected.keySet());
            locations.addAll(ledger.getValue().balances.keySet());
            checkedBalances += locations.size();
            for (String location : locations) {
                compare(ledger.getKey(), location, expected.get(location), ledger.getValue().balances.get(location),
                        differences);
            }
        }
        return new LedgerVerification(shown.size(), checkedBalances, differences, pending);
    }

    private Map<String, Shown> shown(String orgId, String itemId) {
        StringBuilder sql = new StringBuilder("SELECT p.item_id, p.last_seq, b.location_id");
        for (Bucket bucket : Bucket.values()) {
            sql.append(", b.").append(BalanceColumns.of(bucket));
        }
        sql.append(" FROM inventory_ledger_progress p LEFT JOIN inventory_balance b ON b.org_id = p.org_id "
                + "AND b.item_id = p.item_id WHERE p.org_id = ?");
        List<Object> args = new ArrayList<>(List.of(orgId));
        if (itemId != null) {
            sql.append(" AND p.item_id = ?");
            args.add(itemId);
        }
        Map<String, Shown> shown = new LinkedHashMap<>();
        jdbc.query(sql.append(" ORDER BY p.item_id").toString(), rs -> {
            Shown ledger = shown.computeIfAbsent(rs.getString("item_id"), id -> new Shown());
            ledger.lastSeq = rs.getLong("last_seq");
            String location = rs.getString("location_id");
            if (location != null) {
                Map<Bucket, BigDecimal> amounts = new EnumMap<>(Bucket.class);
                for (Bucket bucket : Bucket.values()) {
                    amounts.put(bucket, rs.getBigDecimal(BalanceColumns.of(bucket)));
                }
                ledger.balances.put(location, amounts);
            }
        }, args.toArray());
        return shown;
    }

    private List<DomainEventMessage<?>> eventsOf(String orgId, String itemId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(LedgerId.of(itemId)).asStream()
                .filter(e -> e.getPayload() instanceof InventoryLedgerEvent event && orgId.equals(event.orgId()))
                .forEach(events::add);
        return events;
    }

    private static void add(Map<String, Map<Bucket, BigDecimal>> sums, InventoryLedgerEvent event) {
        for (BalanceChange change : event.entry().changes()) {
            sums.computeIfAbsent(change.locationId(), l -> new EnumMap<>(Bucket.class))
                    .merge(change.bucket(), change.delta(), BigDecimal::add);
        }
    }

    private static void compare(String itemId, String location, Map<Bucket, BigDecimal> expected,
                                Map<Bucket, BigDecimal> actual, List<Difference> differences) {
        for (Bucket bucket : Bucket.values()) {
            BigDecimal want = amount(expected, bucket);
            BigDecimal have = amount(actual, bucket);
            if (want.compareTo(have) != 0) {
                differences.add(new Difference(itemId, location, bucket, BalanceColumns.plain(want),
                        BalanceColumns.plain(have)));
            }
        }
    }

    private static BigDecimal amount(Map<Bucket, BigDecimal> amounts, Bucket bucket) {
        BigDecimal value = amounts == null ? null : amounts.get(bucket);
        return value == null ? BigDecimal.ZERO : value;
    }
}
