package io.waybill.api.purchaseorder;

/** What happens to a purchase order and its lines. Stored history: never rename or move one of these. */
public sealed interface PurchaseOrderEvent permits PurchaseOrderCreated, PurchaseOrderChanged,
        PurchaseOrderItemEvent, PurchaseOrderStatusEvent, PurchaseOrderReceiptEvent, PurchaseOrderStockPosted,
        PurchaseOrderDeleted, PurchaseOrderControlEvent, PurchaseLineEvent {

    String purchaseOrderId();
}
