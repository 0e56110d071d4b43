package io.waybill.api.purchaseorder;

import java.time.Instant;

/** The purchase order was partly received: some of what it expects has come. */
public record PurchaseOrderPartlyReceived(String purchaseOrderId, Instant at) implements PurchaseOrderStatusEvent {

    @Override
    public PurchaseOrderStatus status() {
        return PurchaseOrderStatus.PARTIAL;
    }
}
