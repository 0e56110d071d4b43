package io.waybill.api.workorder;

/** Made units were taken in. */
public record WorkOrderReceiptRecorded(String workOrderId, WorkOrderReceipt receipt) implements WorkOrderReceiptEvent {

    @Override
    public String receiptId() {
        return receipt.receiptId();
    }
}
