package io.waybill.api.purchaseorder;

/** The vendor adjusted the event's line: it now orders what {@code line} says. */
public record PurchaseLineAdjusted(String purchaseOrderId, PurchaseEvent event, PurchaseOrderLine line)
        implements PurchaseLineEvent {
}
