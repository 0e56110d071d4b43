package io.waybill.command.purchaseorder;

import io.waybill.api.DomainException;
import io.waybill.api.purchaseorder.PurchaseOrderReceipt;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptChanged;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptDeleted;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptEvent;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptRecorded;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptItemView;
import io.waybill.api.purchaseorder.PurchaseOrderReceiptView;
import io.waybill.api.purchaseorder.PurchaseOrderView;
import io.waybill.api.purchaseorder.ReceiptLine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The receipts of one purchase order and the rules a new one must keep. */
final class PurchaseOrderReceipts {

    private record Recorded(PurchaseOrderReceipt receipt, Instant at, boolean deleted) {
    }

    private final Map<String, Recorded> receipts = new HashMap<>();

    /**
     * Whether the receipt was recorded already: then it must be the same one and not deleted since, or it is a
     * conflict.
     */
    boolean holds(PurchaseOrderReceipt receipt) {
        Recorded recorded = receipts.get(receipt.receiptId());
        if (recorded != null && (recorded.deleted() || !recorded.receipt().equals(receipt))) {
            throw DomainException.conflict("id " + receipt.receiptId() + " is already used by another receipt"
                    + (recorded.deleted() ? ", deleted since" : ""), Map.of("id", receipt.receiptId()));
        }
        return recorded != null;
    }

    /** A receipt of the order that stands; {@code not_found} when it has none such (or it was deleted). */
    PurchaseOrderReceipt requireLive(String receiptId) {
        Recorded recorded = receipts.get(receiptId);
        if (recorded == null || recorded.deleted()) {
            throw DomainException.notFound("purchase order receipt", receiptId);
        }
        return recorded.receipt();
    }

    /** Whether the receipt was recorded and deleted since. */
    boolean isDeleted(String receiptId) {
        Recorded recorded = receipts.get(receiptId);
        return recorded != null && recorded.deleted();
    }

    /**
     * Refuses a receipt dated in the future, naming a line twice or a line the order has not got, or taking in
     * more than a line still expects unless it says {@code allowOverReceipt}.
     */
    static void check(PurchaseOrderReceipt receipt, PurchaseOrderLines lines, PurchaseOrderStock stock, Clock clock) {
        if (receipt.receiptDate().isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            throw DomainException.invalid("receiptDate", "must not be in the future");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < receipt.items().size(); i++) {
            ReceiptLine item = receipt.items().get(i);
            String field = "items[" + i + "]";
            PurchaseOrderLines.Existing line = lines.find(item.purchaseOrderItemId());
            if (line == null) {
                throw DomainException.invalid(field, "the order has no line " + item.purchaseOrderItemId());
            }
            if (!seen.add(item.purchaseOrderItemId())) {
                throw DomainException.invalid(field, "line " + item.purchaseOrderItemId() + " is named twice");
            }
            BigDecimal expected = line.line().quantity().subtract(stock.received(item.purchaseOrderItemId()));
            if (!receipt.allowOverReceipt() && item.quantity().compareTo(expected) > 0) {
                throw DomainException.invalid(field, "the line still expects " + expected.max(BigDecimal.ZERO)
                        .toPlainString() + "; say allowOverReceipt to take in more");
            }
        }
    }

    /** Recorded, changed (its notes), deleted or brought back. */
    void on(PurchaseOrderReceiptEvent event, Instant at) {
        if (event instanceof PurchaseOrderReceiptRecorded recorded) {
            receipts.put(recorded.receiptId(), new Recorded(recorded.receipt(), at, false));
        } else if (event instanceof PurchaseOrderReceiptChanged changed) {
            receipts.computeIfPresent(changed.receiptId(), (id, r) -> new Recorded(new PurchaseOrderReceipt(id,
                    r.receipt().receiptDate(), r.receipt().locationId(), changed.notes(),
                    r.receipt().allowOverReceipt(), r.receipt().items()),
                    r.at(), r.deleted()));
        } else {
            boolean deleted = event instanceof PurchaseOrderReceiptDeleted;
            receipts.computeIfPresent(event.receiptId(), (id, r) -> new Recorded(r.receipt(), r.at(), deleted));
        }
    }

    /** The receipt as answered; one recorded before receipts named a location took stock in at the ship-to one. */
    PurchaseOrderReceiptView view(String receiptId, PurchaseOrderView order) {
        Recorded recorded = receipts.get(receiptId);
        PurchaseOrderReceipt receipt = recorded.receipt().at(order.shipToLocationId());
        return new PurchaseOrderReceiptView(receiptId, order.orgId(), order.id(), receipt.receiptDate(),
                receipt.locationId(), receipt.notes(), receipt.allowOverReceipt(), recorded.at());
    }

    List<PurchaseOrderReceiptItemView> items(String receiptId) {
        return receipts.get(receiptId).receipt().items().stream()
                .map(item -> new PurchaseOrderReceiptItemView(receiptId, item.purchaseOrderItemId(), item.quantity()))
                .toList();
    }
}
