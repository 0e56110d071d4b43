package io.waybill.api.workorder;

import java.time.Instant;
import java.time.LocalDate;

/** A receipt of a work order. */
public record WorkOrderReceiptView(String id, String workOrderId, LocalDate receiptDate, String notes,
                                   Instant createdAt, Instant updatedAt) {
}
