package io.waybill.api.workorder;

import io.waybill.api.inventory.StockPosting;

import java.util.List;

/**
 * A receipt was taken back because a ledger refused its consumption ({@code reason}): stock was used between the
 * check and the posting. {@code notPosted} are its entries decided but never recorded (the refused one and those
 * after it), so they no longer count.
 */
public record WorkOrderReceiptRefused(String workOrderId, String receiptId, String reason,
                                      List<StockPosting> notPosted) implements WorkOrderReceiptEvent {

    public WorkOrderReceiptRefused {
        notPosted = List.copyOf(notPosted);
    }
}
