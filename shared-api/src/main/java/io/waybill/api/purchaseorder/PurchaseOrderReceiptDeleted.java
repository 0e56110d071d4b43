package io.waybill.api.purchaseorder;

/** The receipt was deleted; the reversal of its entries follows as the order's next stock posting. */
public record PurchaseOrderReceiptDeleted(String purchaseOrderId, String receiptId)
        implements PurchaseOrderReceiptEvent {
}
