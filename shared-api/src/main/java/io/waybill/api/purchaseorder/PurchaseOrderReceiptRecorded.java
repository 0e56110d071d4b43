package io.waybill.api.purchaseorder;

public record PurchaseOrderReceiptRecorded(String purchaseOrderId, PurchaseOrderReceipt receipt)
        implements PurchaseOrderEvent {
}
