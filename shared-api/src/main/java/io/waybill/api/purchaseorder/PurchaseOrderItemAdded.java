package io.waybill.api.purchaseorder;

public record PurchaseOrderItemAdded(String purchaseOrderId, PurchaseOrderLine line) implements PurchaseOrderItemEvent {
}
