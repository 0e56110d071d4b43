package io.waybill.api.workorder;

/** A receipt was deleted: its production and consumption are reversed. */
public record WorkOrderReceiptDeleted(String workOrderId, String receiptId) implements WorkOrderReceiptEvent {
}
