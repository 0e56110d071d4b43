package io.waybill.api.workorder;

import io.waybill.api.inventory.StockPosting;
import java.util.List;

/** A deleted receipt is back because a ledger refused its reversal ({@code reason}); {@code notPosted} are the reversals decided but never recorded, so they no longer count. */
public record WorkOrderReceiptRestored(String workOrderId, String receiptId, String reason, List<StockPosting> notPosted) implements WorkOrderReceiptEvent {

    public WorkOrderReceiptRestored {
        notPosted = List.copyOf(notPosted);
    }
}
