package io.waybill.api.purchaseorder;

public record PurchaseOrderReceiptRecorded(String purchaseOrderId, PurchaseOrderReceipt receipt)
        implements PurchaseOrderReceiptEvent {

    @Override
    public String receiptId() {
        return receipt.receiptId();
    }
}
