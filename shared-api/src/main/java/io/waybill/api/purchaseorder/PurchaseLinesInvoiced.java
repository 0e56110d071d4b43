package io.waybill.api.purchaseorder;

import java.util.List;

/** The vendor invoiced these quantities of the lines; the event's invoice amount adds to the order's. */
public record PurchaseLinesInvoiced(String purchaseOrderId, PurchaseEvent event, List<LineQuantity> invoiced)
        implements PurchaseLineEvent {

    public PurchaseLinesInvoiced {
        invoiced = List.copyOf(invoiced);
    }
}
