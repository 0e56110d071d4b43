package io.waybill.api.purchaseorder;

/** A line of the order added, changed or removed. */
public sealed interface PurchaseOrderItemEvent extends PurchaseOrderEvent permits PurchaseOrderItemAdded,
        PurchaseOrderItemChanged, PurchaseOrderItemRemoved {
}
