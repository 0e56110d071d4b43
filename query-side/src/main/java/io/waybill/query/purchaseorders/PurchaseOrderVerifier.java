package io.waybill.query.purchaseorders;

import io.waybill.api.RecordStreams;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.StockPosting;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptRestored;
import io.waybill.api.purchaseorder.PurchaseOrderStockPosted;
import io.waybill.api.purchaseorder.PurchaseOrderVerification.Difference;
import io.waybill.api.purchaseorder.PurchaseOrderVerification;
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
 * The purchase-order check. For each live order of the organisation (or one), the entries it decided are read from
 * its events in the event store, the ledger's side from the ledger's read model: every entry whose source is the
 * order, and every reversal of one. An entry the ledger holds must have the decided type, item, location and
 * quantity, and over the entries both hold, what the ledger did to on order and on hand per item must be what the
 * order counts (a receipt's draw-down of on order, for one, is as far as the ledger found any). Blocking.
 */
@Component
class PurchaseOrderVerifier {

    private static final String SOURCE = "purchase_order";
    private final JdbcTemplate jdbc;
    private final EventStore eventStore;

    PurchaseOrderVerifier(JdbcTemplate jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    /** One ledger entry of the order as the ledger's read model holds it, with what it did to on order and on hand. */
    private record Held(EntryType type, String itemId, String locationId, BigDecimal quantity, BigDecimal onOrder,
                        BigDecimal onHand) {
    }

    /** What the order counts of one item and what the ledger did, over the entries both hold. */
    private static final class Sums {
        BigDecimal orderOnOrder = BigDecimal.ZERO;
        BigDecimal ledgerOnOrder = BigDecimal.ZERO;
        BigDecimal orderReceived = BigDecimal.ZERO;
        BigDecimal ledgerReceived = BigDecimal.ZERO;
    }

    private static final class Tally {
        int entries;
        long pending;
        final List<Difference> differences = new ArrayList<>();
    }

    PurchaseOrderVerification verify(String orgId, String purchaseOrderId) {
        Map<String, String> orders = new LinkedHashMap<>();
        jdbc.query("SELECT sid, po_number FROM purchase_order_view WHERE org_id = ? AND deleted = FALSE"
                        + (purchaseOrderId == null ? "" : " AND sid = ?") + " ORDER BY created, sid",
                rs -> {
                    orders.put(rs.getString(1), rs.getString(2));
                }, purchaseOrderId == null ? new Object[] {orgId} : new Object[] {orgId, purchaseOrderId});
        Tally tally = new Tally();
        orders.forEach((id, number) -> check(orgId, id, number, tally));
        return new PurchaseOrderVerification(orders.size(), tally.entries, tally.differences, tally.pending);
    }

    private void check(String orgId, String id, String number, Tally tally) {
        Map<String, Held> held = held(orgId, id);
        Map<String, Sums> sums = new TreeMap<>();
        for (StockPosting posting : decided(orgId, id)) {
            Held entry = held.remove(posting.entryId());
            if (entry == null) {
                tally.pending++;
                continue;
            }
            tally.entries++;
            if (entry.type() != posting.type() || !entry.itemId().equals(posting.itemId())
                    || !entry.locationId().equals(posting.locationId())
                    || entry.quantity().abs().compareTo(posting.quantity()) != 0) {
                tally.differences.add(new Difference(id, number, posting.itemId(), posting.entryId(), "entry",
                        describe(posting.type(), posting.locationId(), posting.quantity()),
                        describe(entry.type(), entry.locationId(), entry.quantity().abs())));
                continue;
            }
            Sums item = sums.computeIfAbsent(posting.itemId(), key -> new Sums());
            item.orderOnOrder = item.orderOnOrder.add(posting.onOrderDelta());
            item.orderReceived = item.orderReceived.add(posting.receivedDelta());
            item.ledgerOnOrder = item.ledgerOnOrder.add(entry.onOrder());
            item.ledgerReceived = item.ledgerReceived.add(entry.onHand());
        }
        held.forEach((entryId, entry) -> tally.differences.add(new Difference(id, number, entry.itemId(), entryId,
                "unexpected_entry", null, describe(entry.type(), entry.locationId(), entry.quantity().abs()))));
        sums.forEach((itemId, item) -> {
            compare(tally, id, number, itemId, "on_order", item.orderOnOrder, item.ledgerOnOrder);
            compare(tally, id, number, itemId, "received", item.orderReceived, item.ledgerReceived);
        });
    }

    /**
     * The entries the order decided, in order, from its events; less the reversals of a receipt's deletion that a
     * ledger refused, which the order took back when it restored the receipt.
     */
    private List<StockPosting> decided(String orgId, String id) {
        List<StockPosting> decided = new ArrayList<>();
        Set<String> notPosted = new HashSet<>();
        eventStore.readEvents(RecordStreams.of(orgId, id)).asStream().forEach(message -> {
            if (message.getPayload() instanceof PurchaseOrderStockPosted posted && orgId.equals(posted.orgId())) {
                decided.addAll(posted.postings());
            } else if (message.getPayload() instanceof PurchaseOrderReceiptRestored restored) {
                restored.notPosted().forEach(posting -> notPosted.add(posting.entryId()));
            }
        });
        decided.removeIf(posting -> notPosted.contains(posting.entryId()));
        return decided;
    }

    /** The ledger's entries whose source is the order, and the reversals of any of them. */
    private Map<String, Held> held(String orgId, String id) {
        Map<String, Held> held = new LinkedHashMap<>();
        jdbc.query("SELECT e.id, e.entry_type, e.item_id, e.location_id, e.quantity, "
                        + "COALESCE(SUM(CASE WHEN d.bucket = 'ON_ORDER' THEN d.delta END), 0) AS on_order, "
                        + "COALESCE(SUM(CASE WHEN d.bucket = 'ON_HAND' THEN d.delta END), 0) AS on_hand "
                        + "FROM ledger_entry_view e LEFT JOIN ledger_balance_delta d ON d.org_id = e.org_id "
                        + "AND d.entry_id = e.id "
                        + "WHERE e.org_id = ? AND (e.source_type = ? AND e.source_id = ? OR e.reverses_entry_id IN "
                        + "(SELECT o.id FROM ledger_entry_view o WHERE o.org_id = ? AND o.source_type = ? "
                        + "AND o.source_id = ?)) "
                        + "GROUP BY e.id, e.entry_type, e.item_id, e.location_id, e.quantity",
                rs -> {
                    held.put(rs.getString("id"), new Held(EntryType.valueOf(rs.getString("entry_type")),
                            rs.getString("item_id"), rs.getString("location_id"), rs.getBigDecimal("quantity"),
                            rs.getBigDecimal("on_order"), rs.getBigDecimal("on_hand")));
                }, orgId, SOURCE, id, orgId, SOURCE, id);
        return held;
    }

    private static void compare(Tally tally, String id, String number, String itemId, String what,
                                BigDecimal expected, BigDecimal actual) {
        if (expected.compareTo(actual) != 0) {
            tally.differences.add(new Difference(id, number, itemId, null, what, expected.stripTrailingZeros()
                    .toPlainString(), actual.stripTrailingZeros().toPlainString()));
        }
    }

    private static String describe(EntryType type, String locationId, BigDecimal quantity) {
        return type + " " + quantity.stripTrailingZeros().toPlainString() + " at " + locationId;
    }
}
