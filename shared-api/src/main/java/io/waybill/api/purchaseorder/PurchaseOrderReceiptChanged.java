package io.waybill.api.purchaseorder;

/** The receipt's notes changed; what it took in, and when, stays. */
public record PurchaseOrderReceiptChanged(String purchaseOrderId, String receiptId, String notes)
        implements PurchaseOrderReceiptEvent {
}
