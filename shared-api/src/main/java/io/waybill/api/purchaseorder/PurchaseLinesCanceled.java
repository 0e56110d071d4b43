package io.waybill.api.purchaseorder;

import java.util.List;

/**
 * These quantities of the lines will not come (the event's type says whether canceled or voided): each line orders
 * that much less, and what it had on order of it is released.
 */
public record PurchaseLinesCanceled(String purchaseOrderId, PurchaseEvent event, List<LineQuantity> canceled)
        implements PurchaseLineEvent {

    public PurchaseLinesCanceled {
        canceled = List.copyOf(canceled);
    }
}
