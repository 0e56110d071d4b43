package io.waybill.command.purchaseorder;

import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.StockPosting;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.PurchaseOrderReceipt;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.ReceiptLine;
import io.waybill.command.inventory.OrderPostings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a purchase order has put on order in the ledger and received, per line; which entries each receipt posted
 * and which of them were reversed; and the entries each further step owes the ledger. An entry's id is derived from
 * the order and the number of entries it decided before, so the same decision always names the same entry, and
 * posting it again records nothing.
 */
final class PurchaseOrderStock {

    private final Map<String, BigDecimal> onOrder = new HashMap<>();
    private final Map<String, BigDecimal> received = new HashMap<>();
    private final OrderPostings entries = new OrderPostings();

    /** A batch of entries being decided, numbered after those before it. */
    final class Batch {

        private final String purchaseOrderId;
        private final String locationId;
        private final List<StockPosting> postings = new ArrayList<>();

        private Batch(String purchaseOrderId, String locationId) {
            this.purchaseOrderId = purchaseOrderId;
            this.locationId = locationId;
        }

        /** Puts {@code quantity} more of the line on order. */
        Batch order(PurchaseOrderLine line, BigDecimal quantity) {
            return add(EntryType.ORDER, line, quantity);
        }

        /** Releases what the line has on order beyond {@code keep}. */
        Batch releaseAbove(PurchaseOrderLine line, BigDecimal keep) {
            return add(EntryType.RELEASE_ORDER, line, open(line.lineId()).subtract(keep));
        }

        /**
         * What a receipt owes, line by line: {@code RECEIVE} of its quantity at its location, after an {@code ORDER}
         * of what it takes in beyond what the line has on order there, so that the receipt's draw-down of on order
         * never takes what another order expects at the location. At another location than the ship-to one, what
         * the line has on order (up to the quantity) is released at the ship-to location and the whole quantity put
         * on order where it arrived.
         */
        Batch receive(PurchaseOrderReceipt receipt, PurchaseOrderLines lines) {
            String at = receipt.at(locationId).locationId();
            for (ReceiptLine item : receipt.items()) {
                PurchaseOrderLine line = lines.require(item.purchaseOrderItemId()).line();
                BigDecimal open = open(line.lineId());
                if (at.equals(locationId)) {
                    order(line, item.quantity().subtract(open));
                } else {
                    add(EntryType.RELEASE_ORDER, line, item.quantity().min(open));
                    add(EntryType.ORDER, line.lineId(), line.itemId(), at, item.quantity(), line.unitCost(), null);
                }
                add(EntryType.RECEIVE, line.lineId(), line.itemId(), at, item.quantity(), line.unitCost(), null);
            }
            return this;
        }

        /**
         * Reverses every entry the receipt posted, last first: the receipt is deleted. Then each of its lines is
         * settled: what it has on order becomes what it still expects (its quantity less what the other receipts
         * took in), since an over-receipt of another receipt may have put on order only what it then lacked.
         */
        Batch reverse(String receiptId, PurchaseOrderLines lines) {
            List<StockPosting> posted = new ArrayList<>(receiptEntries(receiptId));
            Collections.reverse(posted);
            posted.forEach(entry -> add(entry.type().reversal(), entry.lineId(), entry.itemId(), entry.locationId(),
                    entry.quantity(), entry.unitCost(), entry.entryId()));
            posted.stream().map(StockPosting::lineId).distinct().forEach(lineId -> settle(lines.require(lineId)
                    .line()));
            return this;
        }

        /**
         * Brings what the line has on order (counting the entries of this batch) to what it still expects: its
         * quantity less what it took in.
         */
        Batch settle(PurchaseOrderLine line) {
            BigDecimal open = open(line.lineId());
            BigDecimal taken = received(line.lineId());
            for (StockPosting posting : postings) {
                if (posting.lineId().equals(line.lineId())) {
                    open = open.add(posting.onOrderDelta());
                    taken = taken.add(posting.receivedDelta());
                }
            }
            BigDecimal expected = line.quantity().subtract(taken).max(BigDecimal.ZERO);
            add(EntryType.ORDER, line, expected.subtract(open));
            return add(EntryType.RELEASE_ORDER, line, open.subtract(expected));
        }

        /** Posts these entries again as new ones: their reversals were recorded, and the receipt is back. */
        Batch repost(List<StockPosting> entries) {
            entries.forEach(entry -> add(entry.type(), entry.lineId(), entry.itemId(), entry.locationId(),
                    entry.quantity(), entry.unitCost(), null));
            return this;
        }

        /** What a lifecycle step owes: placing puts every line on order, cancelling releases what is left. */
        Batch step(PurchaseOrderStatus target, List<PurchaseOrderLine> lines) {
            if (target == PurchaseOrderStatus.PLACED) {
                lines.forEach(line -> order(line, line.quantity()));
            }
            return target == PurchaseOrderStatus.CANCELLED ? releaseAll(lines) : this;
        }

        /** Releases all that the lines still have on order: the order is cancelled, closed or voided. */
        Batch releaseAll(List<PurchaseOrderLine> lines) {
            lines.forEach(line -> releaseAbove(line, BigDecimal.ZERO));
            return this;
        }

        List<StockPosting> postings() {
            return List.copyOf(postings);
        }

        private Batch add(EntryType type, PurchaseOrderLine line, BigDecimal quantity) {
            return add(type, line.lineId(), line.itemId(), locationId, quantity, line.unitCost(), null);
        }

        private Batch add(EntryType type, String lineId, String itemId, String at, BigDecimal quantity,
                          BigDecimal unitCost, String reversedEntryId) {
            if (quantity.signum() > 0) {
                postings.add(new StockPosting(entries.entryId(purchaseOrderId, postings.size()), type, lineId, itemId,
                        at, quantity, unitCost, reversedEntryId));
            }
            return this;
        }
    }

    Batch batch(String purchaseOrderId, String locationId) {
        return new Batch(purchaseOrderId, locationId);
    }

    /** What the line has on order now. */
    BigDecimal open(String lineId) {
        return onOrder.getOrDefault(lineId, BigDecimal.ZERO);
    }

    /** What the line's receipts took in. */
    BigDecimal received(String lineId) {
        return received.getOrDefault(lineId, BigDecimal.ZERO);
    }

    /** Whether every line has taken in at least what it orders. */
    boolean fullyReceived(List<PurchaseOrderLine> lines) {
        return lines.stream().allMatch(line -> received(line.lineId()).compareTo(line.quantity()) >= 0);
    }

    /** Whether any line has taken anything in. */
    boolean anyReceived(List<PurchaseOrderLine> lines) {
        return lines.stream().anyMatch(line -> received(line.lineId()).signum() > 0);
    }

    /** The entries the receipt posted that stand (not reversed), in the order they were posted. */
    List<StockPosting> receiptEntries(String receiptId) {
        return entries.receiptEntries(receiptId);
    }

    /** Every entry the receipt ever posted, reversed or not. */
    List<StockPosting> receiptEntriesEver(String receiptId) {
        return entries.receiptEntriesEver(receiptId);
    }

    /** The entries decided when the receipt was last deleted (its reversals, then the settling), in order. */
    List<StockPosting> deletion(String receiptId) {
        return entries.deletion(receiptId);
    }

    void posted(List<StockPosting> postings, String receiptId, LocalDate day) {
        entries.posted(postings, receiptId, day);
        postings.forEach(posting -> count(posting, BigDecimal.ONE));
    }

    /** Takes back what these decided entries counted: they never reached the ledger (reversed entries stand). */
    void notPosted(List<StockPosting> postings) {
        postings.forEach(posting -> count(posting, BigDecimal.ONE.negate()));
        entries.notPosted(postings);
    }

    private void count(StockPosting posting, BigDecimal sign) {
        onOrder.merge(posting.lineId(), posting.onOrderDelta().multiply(sign), BigDecimal::add);
        received.merge(posting.lineId(), posting.receivedDelta().multiply(sign), BigDecimal::add);
    }
}
