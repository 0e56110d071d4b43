package io.waybill.api.purchaseorder;

/** The lines need no attention until the event's {@code snoozedUntil}. */
public record PurchaseLinesSnoozed(String purchaseOrderId, PurchaseEvent event) implements PurchaseLineEvent {
}
