package io.waybill.api.purchaseorder;

import io.waybill.api.inventory.StockPosting;

import java.util.List;

/** What deleting a receipt would reverse: the entries it posted that stand, in the order they were posted. */
public record ReceiptDeletionPlan(List<StockPosting> entries) {

    public ReceiptDeletionPlan {
        entries = List.copyOf(entries);
    }
}
