package io.waybill.api.purchaseorder;

import java.time.Instant;

/** The order was taken out of the archive. */
public record PurchaseOrderUnarchived(String purchaseOrderId, String by, Instant at)
        implements PurchaseOrderControlEvent {

    @Override
    public PurchaseOrderControl control() {
        return PurchaseOrderControl.UNARCHIVE;
    }
}
