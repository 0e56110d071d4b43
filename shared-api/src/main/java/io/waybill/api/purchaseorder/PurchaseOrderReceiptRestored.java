package io.waybill.api.purchaseorder;

import io.waybill.api.inventory.StockPosting;

import java.util.List;

/**
 * A deleted receipt is back because a ledger refused its reversal ({@code reason}); {@code notPosted} are the
 * reversals that were decided but never reached the ledger, so they no longer count.
 */
public record PurchaseOrderReceiptRestored(String purchaseOrderId, String receiptId, String reason,
                                           List<StockPosting> notPosted) implements PurchaseOrderReceiptEvent {

    public PurchaseOrderReceiptRestored {
        notPosted = List.copyOf(notPosted);
    }
}
