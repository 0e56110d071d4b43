package io.waybill.api.purchaseorder;

import java.time.Instant;
import java.time.LocalDate;

/** A receipt as both sides answer it, with the location it took stock in at. */
public record PurchaseOrderReceiptView(String id, String orgId, String purchaseOrderId, LocalDate receiptDate,
                                       String locationId, String notes, boolean allowOverReceipt, Instant createdAt) {
}
