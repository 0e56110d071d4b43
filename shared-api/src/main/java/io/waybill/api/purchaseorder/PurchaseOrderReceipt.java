package io.waybill.api.purchaseorder;

import java.time.LocalDate;
import java.util.List;

/**
 * A delivery taken in against a purchase order, at its ship-to location: when, and how much of which lines;
 * {@code allowOverReceipt} records that it may take in more than a line still expects.
 */
public record PurchaseOrderReceipt(String receiptId, LocalDate receiptDate, String notes, boolean allowOverReceipt,
                                   List<ReceiptLine> items) {

    public PurchaseOrderReceipt {
        items = List.copyOf(items);
    }
}
