package io.waybill.query.workorders;

import io.waybill.api.RecordStreams;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.LedgerSources;
import io.waybill.api.inventory.StockPosting;
import io.waybill.api.workorder.WorkOrderReceiptMoveRefused;
import io.waybill.api.workorder.WorkOrderReceiptRefused;
import io.waybill.api.workorder.WorkOrderReceiptRestored;
import io.waybill.api.workorder.WorkOrderStockPosted;
import io.waybill.api.workorder.WorkOrderVerification.Difference;
import io.waybill.api.workorder.WorkOrderVerification;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Holds each live work order's decided entries (from its events) against the ledger's read model: every entry of a
 * fixed quantity (demand, consumption, production and their reversals) must be there as decided; an allocation or a
 * release, which takes what it can, at most as decided (none at all when there was nothing to take). Then, for an
 * order with nothing pending, what its standing receipts consumed and produced must be the ledger's consumption and
 * production under it, and a completed or cancelled order must hold nothing. Blocking.
 */
@Component
class WorkOrderVerifier {

    private static final String SOURCES = "('" + LedgerSources.WORK_ORDER + "', '" + LedgerSources.WORK_ORDER_RECEIPT
            + "')";
    private final JdbcTemplate jdbc;
    private final EventStore eventStore;

    WorkOrderVerifier(JdbcTemplate jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    private record Held(EntryType type, String itemId, String locationId, BigDecimal quantity) {
    }

    private static final class Tally {
        int entries;
        long pending;
        final List<Difference> differences = new ArrayList<>();
    }

    WorkOrderVerification verify(String orgId, String workOrderId) {
        Map<String, String[]> orders = new LinkedHashMap<>();
        jdbc.query("SELECT sid, wo_number, status FROM work_order_view WHERE org_id = ? AND deleted = FALSE"
                        + (workOrderId == null ? "" : " AND sid = ?") + " ORDER BY created, sid",
                rs -> {
                    orders.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }, workOrderId == null ? new Object[] {orgId} : new Object[] {orgId, workOrderId});
        Tally tally = new Tally();
        orders.forEach((id, order) -> check(orgId, id, order[0], order[1], tally));
        return new WorkOrderVerification(orders.size(), tally.entries, tally.differences, tally.pending);
    }

    private void check(String orgId, String id, String number, String status, Tally tally) {
        Map<String, Held> held = held(orgId, id);
        long pendingBefore = tally.pending;
        for (StockPosting posting : decided(orgId, id)) {
            Held entry = held.remove(posting.entryId());
            boolean upTo = switch (posting.type()) {
                case ALLOCATE, RELEASE_DEMAND, RELEASE_ALLOCATION -> true;
                default -> false;
            };
            if (entry == null) {
                tally.pending += upTo ? 0 : 1;
                continue;
            }
            tally.entries++;
            int quantity = entry.quantity().abs().compareTo(posting.quantity());
            if (entry.type() != posting.type() || !entry.itemId().equals(posting.itemId())
                    || !entry.locationId().equals(posting.locationId()) || (upTo ? quantity > 0 : quantity != 0)) {
                tally.differences.add(new Difference(id, number, posting.itemId(), posting.entryId(), "entry",
                        describe(posting.type(), posting.locationId(), posting.quantity()),
                        describe(entry.type(), entry.locationId(), entry.quantity().abs())));
            }
        }
        held.forEach((entryId, entry) -> tally.differences.add(new Difference(id, number, entry.itemId(), entryId,
                "unexpected_entry", null, describe(entry.type(), entry.locationId(), entry.quantity().abs()))));
        if (tally.pending > pendingBefore) {
            return;
        }
        compare(tally, id, number, "consumed", taken(orgId, id, "CONSUME"), ledger(orgId, id, "CONSUME"));
        compare(tally, id, number, "produced", taken(orgId, id, "PRODUCE"), ledger(orgId, id, "PRODUCE"));
        if (status.equals("Completed") || status.equals("Cancelled")) {
            compare(tally, id, number, "held", Map.of(), stillHeld(orgId, id));
        }
    }

    /**
     * The entries the order decided, from its events; less those a refusal, a restore or a move's refusal says never
     * were posted.
     */
    private List<StockPosting> decided(String orgId, String id) {
        List<StockPosting> decided = new ArrayList<>();
        Set<String> notPosted = new HashSet<>();
        eventStore.readEvents(RecordStreams.of(orgId, id)).asStream().forEach(message -> {
            Object payload = message.getPayload();
            if (payload instanceof WorkOrderStockPosted posted && orgId.equals(posted.orgId())) {
                decided.addAll(posted.postings());
            } else if (payload instanceof WorkOrderReceiptRestored restored) {
                restored.notPosted().forEach(posting -> notPosted.add(posting.entryId()));
            } else if (payload instanceof WorkOrderReceiptRefused refused) {
                refused.notPosted().forEach(posting -> notPosted.add(posting.entryId()));
            } else if (payload instanceof WorkOrderReceiptMoveRefused refused) {
                refused.notPosted().forEach(posting -> notPosted.add(posting.entryId()));
            }
        });
        decided.removeIf(posting -> notPosted.contains(posting.entryId()));
        return decided;
    }

    private Map<String, Held> held(String orgId, String id) {
        Map<String, Held> held = new LinkedHashMap<>();
        jdbc.query("SELECT id, entry_type, item_id, location_id, quantity FROM ledger_entry_view "
                        + "WHERE org_id = ? AND source_id = ? AND source_type IN " + SOURCES,
                rs -> {
                    held.put(rs.getString("id"), new Held(EntryType.valueOf(rs.getString("entry_type")),
                            rs.getString("item_id"), rs.getString("location_id"), rs.getBigDecimal("quantity")));
                }, orgId, id);
        return held;
    }

    /** What the standing receipts took in: units per SKU ({@code PRODUCE}) or materials consumed ({@code CONSUME}). */
    private Map<String, BigDecimal> taken(String orgId, String id, String what) {
        String sql = what.equals("PRODUCE")
                ? "SELECT i.sku_id AS item, SUM(ri.quantity) AS total FROM work_order_receipt_item_view ri "
                + "JOIN work_order_item_view i ON i.org_id = ri.org_id AND i.sid = ri.work_order_item_id "
                : "SELECT m.material_id AS item, SUM(ri.quantity * m.quantity_per_unit) AS total "
                + "FROM work_order_receipt_item_view ri JOIN work_order_item_material m "
                + "ON m.org_id = ri.org_id AND m.item_id = ri.work_order_item_id ";
        return sums(sql + "JOIN work_order_receipt_view r ON r.org_id = ri.org_id AND r.sid = ri.receipt_id "
                + "AND r.deleted = FALSE "
                + "WHERE r.org_id = ? AND r.work_order_id = ? GROUP BY " + (what.equals("PRODUCE") ? "i.sku_id"
                : "m.material_id"), orgId, id);
    }

    /** The ledger's consumption or production under the order, net of reversals. */
    private Map<String, BigDecimal> ledger(String orgId, String id, String type) {
        return sums("SELECT item_id AS item, SUM(ABS(quantity) * CASE WHEN entry_type = '" + type + "' THEN 1 "
                + "ELSE -1 END) AS total FROM ledger_entry_view WHERE org_id = ? AND source_id = ? AND source_type IN "
                + SOURCES + " AND entry_type IN ('" + type + "', 'REVERSE_" + type + "') GROUP BY item_id", orgId, id);
    }

    private Map<String, BigDecimal> stillHeld(String orgId, String id) {
        return sums("SELECT d.item_id AS item, SUM(d.delta) AS total FROM ledger_balance_delta d "
                + "JOIN ledger_entry_view e ON e.org_id = d.org_id AND e.id = d.entry_id "
                + "WHERE e.org_id = ? AND e.source_id = ? "
                + "AND e.source_type IN " + SOURCES + " AND d.bucket IN ('DEMAND', 'ALLOCATED') GROUP BY d.item_id",
                orgId, id);
    }

    private Map<String, BigDecimal> sums(String sql, String orgId, String id) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        jdbc.query(sql, rs -> {
            if (rs.getBigDecimal("total").signum() != 0) {
                sums.put(rs.getString("item"), rs.getBigDecimal("total"));
            }
        }, orgId, id);
        return sums;
    }

    private static void compare(Tally tally, String id, String number, String what, Map<String, BigDecimal> expected,
                                Map<String, BigDecimal> actual) {
        Set<String> items = new java.util.TreeSet<>(expected.keySet());
        items.addAll(actual.keySet());
        for (String item : items) {
            BigDecimal want = expected.getOrDefault(item, BigDecimal.ZERO);
            BigDecimal have = actual.getOrDefault(item, BigDecimal.ZERO);
            if (want.compareTo(have) != 0) {
                tally.differences.add(new Difference(id, number, item, null, what,
                        want.stripTrailingZeros().toPlainString(), have.stripTrailingZeros().toPlainString()));
            }
        }
    }

    private static String describe(EntryType type, String locationId, BigDecimal quantity) {
        return type + " " + quantity.stripTrailingZeros().toPlainString() + " at " + locationId;
    }
}
