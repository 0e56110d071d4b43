package io.waybill.api.purchaseorder;

import java.time.LocalDate;
import java.util.List;

/**
 * A delivery taken in against a purchase order: when, where ({@code locationId}; null in receipts recorded before
 * receipts named one, and in a request that leaves it to the order's ship-to location), and how much of which lines;
 * {@code allowOverReceipt} records that it may take in more than a line still expects.
 */
public record PurchaseOrderReceipt(String receiptId, LocalDate receiptDate, String locationId, String notes,
                                   boolean allowOverReceipt, List<ReceiptLine> items) {

    public PurchaseOrderReceipt {
        items = List.copyOf(items);
    }

    /** This receipt, taken in at {@code shipTo} unless it names another location. */
    public PurchaseOrderReceipt at(String shipTo) {
        return locationId != null ? this : new PurchaseOrderReceipt(receiptId, receiptDate, shipTo, notes,
                allowOverReceipt, items);
    }
}
