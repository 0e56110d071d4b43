package io.waybill.api.purchaseorder;

public record PurchaseOrderDeleted(String purchaseOrderId) implements PurchaseOrderEvent {
}
