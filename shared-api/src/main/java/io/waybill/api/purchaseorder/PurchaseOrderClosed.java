package io.waybill.api.purchaseorder;

import java.time.Instant;

/** The order was closed short: the rest of each line is no longer expected and is released. */
public record PurchaseOrderClosed(String purchaseOrderId, String by, Instant at)
        implements PurchaseOrderControlEvent {

    @Override
    public PurchaseOrderControl control() {
        return PurchaseOrderControl.CLOSE;
    }
}
