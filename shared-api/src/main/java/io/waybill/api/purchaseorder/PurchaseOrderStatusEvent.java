package io.waybill.api.purchaseorder;

import java.time.Instant;

/** A step of the lifecycle, stamped {@code at}: when it happened, as the client said or the server saw it. */
public sealed interface PurchaseOrderStatusEvent extends PurchaseOrderEvent permits PurchaseOrderPlaced,
        PurchaseOrderInTransit, PurchaseOrderPartlyReceived, PurchaseOrderFullyReceived, PurchaseOrderPaid,
        PurchaseOrderCancelled, PurchaseOrderReopened {

    Instant at();

    PurchaseOrderStatus status();
}
