package io.waybill.api.workorder;

/** A receipt's notes changed. */
public record WorkOrderReceiptChanged(String workOrderId, String receiptId, String notes) implements WorkOrderReceiptEvent {
}
