package io.waybill.api.workorder;

import java.time.LocalDate;
import java.util.List;

/** Units made and taken in at the work site: how many of each line, on {@code receiptDate}. */
public record WorkOrderReceipt(String receiptId, LocalDate receiptDate, String notes,
                               List<WorkOrderReceiptLine> items) {

    public WorkOrderReceipt {
        items = List.copyOf(items);
    }
}
