package io.waybill.api.purchaseorder;

import java.time.Instant;

/**
 * The order went back to {@code status} (Placed or In Transit) because the receipts that moved it on were deleted;
 * its Partial and Received stamps are gone, its earlier stamps stay.
 */
public record PurchaseOrderReopened(String purchaseOrderId, PurchaseOrderStatus status, Instant at)
        implements PurchaseOrderStatusEvent {
}
