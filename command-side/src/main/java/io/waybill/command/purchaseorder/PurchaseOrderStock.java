package io.waybill.command.purchaseorder;

import io.waybill.api.inventory.EntryType;
import io.waybill.api.purchaseorder.PurchaseOrderLine;
import io.waybill.api.purchaseorder.PurchaseOrderReceipt;
import io.waybill.api.purchaseorder.PurchaseOrderStatus;
import io.waybill.api.purchaseorder.ReceiptLine;
import io.waybill.api.purchaseorder.StockPosting;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a purchase order has put on order in the ledger, per line, and the entries each further step owes it. An
 * entry's id is derived from the order and the number of entries it decided before, so the same decision always
 * names the same entry, and posting it again records nothing.
 */
final class PurchaseOrderStock {

    private final Map<String, BigDecimal> onOrder = new HashMap<>();
    private final Map<String, BigDecimal> received = new HashMap<>();
    private int decided;

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
         * What a receipt owes, line by line: {@code RECEIVE} of its quantity, after an {@code ORDER} of what it takes
         * in beyond what the line has on order, so that the receipt's draw-down of on order never takes what
         * another order expects at the location.
         */
        Batch receive(PurchaseOrderReceipt receipt, PurchaseOrderLines lines) {
            for (ReceiptLine item : receipt.items()) {
                PurchaseOrderLine line = lines.require(item.purchaseOrderItemId()).line();
                order(line, item.quantity().subtract(open(line.lineId())));
                add(EntryType.RECEIVE, line, item.quantity());
            }
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
            if (quantity.signum() > 0) {
                String key = purchaseOrderId + "/stock/" + (decided + postings.size());
                postings.add(new StockPosting(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString(),
                        type, line.lineId(), line.itemId(), locationId, quantity, line.unitCost()));
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

    void posted(List<StockPosting> postings) {
        for (StockPosting posting : postings) {
            BigDecimal delta = posting.type() == EntryType.ORDER ? posting.quantity() : posting.quantity().negate();
            onOrder.merge(posting.lineId(), delta, BigDecimal::add);
            if (posting.type() == EntryType.RECEIVE) {
                received.merge(posting.lineId(), posting.quantity(), BigDecimal::add);
            }
            decided++;
        }
    }
}
