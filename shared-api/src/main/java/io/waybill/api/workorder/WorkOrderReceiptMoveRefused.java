package io.waybill.api.workorder;

import io.waybill.api.inventory.StockPosting;

import java.time.LocalDate;
import java.util.List;

/**
 * A receipt's move to another date was taken back because a ledger refused one of its entries ({@code reason}):
 * stock changed between the check and the posting. The receipt is dated {@code receiptDate} again; {@code notPosted}
 * are the move's entries decided but never recorded (the refused one and those after it), so they no longer count.
 */
public record WorkOrderReceiptMoveRefused(String workOrderId, String receiptId, LocalDate receiptDate, String reason,
                                          List<StockPosting> notPosted) implements WorkOrderReceiptEvent {

    public WorkOrderReceiptMoveRefused {
        notPosted = List.copyOf(notPosted);
    }
}
