package io.waybill.api.workorder;

/** What happens to a work order's receipts. */
public sealed interface WorkOrderReceiptEvent extends WorkOrderEvent permits WorkOrderReceiptRecorded,
        WorkOrderReceiptChanged, WorkOrderReceiptDeleted, WorkOrderReceiptRefused, WorkOrderReceiptRestored,
        WorkOrderReceiptMoveRefused {

    String receiptId();
}
