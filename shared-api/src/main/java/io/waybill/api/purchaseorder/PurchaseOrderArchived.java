package io.waybill.api.purchaseorder;

import java.time.Instant;

/** The order was archived: lists leave it out unless asked for archived orders. */
public record PurchaseOrderArchived(String purchaseOrderId, String by, Instant at)
        implements PurchaseOrderControlEvent {

    @Override
    public PurchaseOrderControl control() {
        return PurchaseOrderControl.ARCHIVE;
    }
}
