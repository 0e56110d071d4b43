package io.waybill.api.purchaseorder;

import java.util.List;

/** The vendor shipped these quantities of the lines; a placed order goes In Transit with it. */
public record PurchaseLinesShipped(String purchaseOrderId, PurchaseEvent event, List<LineQuantity> shipped)
        implements PurchaseLineEvent {

    public PurchaseLinesShipped {
        shipped = List.copyOf(shipped);
    }
}
