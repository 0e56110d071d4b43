package io.waybill.api.purchaseorder;

import java.time.Instant;

/** The order was approved: it may be placed. */
public record PurchaseOrderApproved(String purchaseOrderId, String by, Instant at)
        implements PurchaseOrderControlEvent {

    @Override
    public PurchaseOrderControl control() {
        return PurchaseOrderControl.APPROVE;
    }
}
