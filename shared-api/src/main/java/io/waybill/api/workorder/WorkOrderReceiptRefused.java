package io.waybill.api.workorder;

/** A receipt was taken back because a ledger refused its consumption ({@code reason}): stock was used between the check and the posting. */
public record WorkOrderReceiptRefused(String workOrderId, String receiptId, String reason) implements WorkOrderReceiptEvent {
}
