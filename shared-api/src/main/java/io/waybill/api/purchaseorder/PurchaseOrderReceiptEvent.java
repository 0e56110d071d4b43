package io.waybill.api.purchaseorder;

/** What happens to one of the order's receipts. */
public sealed interface PurchaseOrderReceiptEvent extends PurchaseOrderEvent permits PurchaseOrderReceiptRecorded,
        PurchaseOrderReceiptChanged, PurchaseOrderReceiptDeleted, PurchaseOrderReceiptRestored {

    String receiptId();
}
