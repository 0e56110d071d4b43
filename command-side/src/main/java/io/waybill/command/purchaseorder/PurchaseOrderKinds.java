package io.waybill.command.purchaseorder;

import io.waybill.command.registry.Kind;

/** The registry's kinds of a purchase order and of its lines. */
public final class PurchaseOrderKinds {

    public static final Kind PURCHASE_ORDER = new Kind("PURCHASE_ORDER", "purchase order");
    public static final Kind PURCHASE_ORDER_ITEM = new Kind("PURCHASE_ORDER_ITEM", "purchase order item");

    private PurchaseOrderKinds() {
    }
}
