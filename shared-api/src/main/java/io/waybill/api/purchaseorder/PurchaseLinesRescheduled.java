package io.waybill.api.purchaseorder;

/** The lines are now expected on the event's dates (delayed, rescheduled or confirmed). */
public record PurchaseLinesRescheduled(String purchaseOrderId, PurchaseEvent event) implements PurchaseLineEvent {
}
