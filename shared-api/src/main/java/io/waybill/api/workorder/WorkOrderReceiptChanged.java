package io.waybill.api.workorder;

import java.time.LocalDate;

/**
 * A receipt's notes changed, or its date: {@code receiptDate} is the date it moved to, null when it kept its date
 * (and in events recorded before receipts could move).
 */
public record WorkOrderReceiptChanged(String workOrderId, String receiptId, String notes, LocalDate receiptDate)
        implements WorkOrderReceiptEvent {
}
