package io.waybill.api.purchaseorder;

import java.time.Instant;
import java.time.LocalDate;

/** A receipt as both sides answer it; it took stock in at the order's ship-to location. */
public record PurchaseOrderReceiptView(String id, String orgId, String purchaseOrderId, LocalDate receiptDate,
                                       String notes, boolean allowOverReceipt, Instant createdAt) {
}
