package io.waybill.api.purchaseorder;

/**
 * A purchase event that changes nothing of the lines but what it tells (a note, tracking, a delivery or an attempt,
 * a return or its request, a reschedule request, an import, an ignore): kept on the order's history; tracking sets the
 * lines' tracking number and carrier and may move their expected dates.
 */
public record PurchaseLinesNoted(String purchaseOrderId, PurchaseEvent event) implements PurchaseLineEvent {
}
