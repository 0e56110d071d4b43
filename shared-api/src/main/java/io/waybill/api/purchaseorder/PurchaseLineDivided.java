package io.waybill.api.purchaseorder;

/**
 * The event's line was divided in two: {@code newLine} took the divided quantity, of the same item at the same unit
 * cost, and the line orders that much less.
 */
public record PurchaseLineDivided(String purchaseOrderId, PurchaseEvent event, PurchaseOrderLine newLine)
        implements PurchaseLineEvent {
}
