package io.waybill.api.purchaseorder;

public record PurchaseOrderItemRemoved(String purchaseOrderId, String lineId) implements PurchaseOrderItemEvent {
}
