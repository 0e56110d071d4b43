package io.waybill.command.purchaseorder;

import io.waybill.command.registry.Kind;

/** The registry's kinds of a purchase order, its lines, its receipts and its purchase events. */
public final class PurchaseOrderKinds {

    public static final Kind PURCHASE_ORDER = new Kind("PURCHASE_ORDER", "purchase order");
    public static final Kind PURCHASE_ORDER_ITEM = new Kind("PURCHASE_ORDER_ITEM", "purchase order item");
    public static final Kind PURCHASE_ORDER_RECEIPT = new Kind("PURCHASE_ORDER_RECEIPT", "purchase order receipt");
    public static final Kind PURCHASE_EVENT = new Kind("PURCHASE_EVENT", "purchase event");

    private PurchaseOrderKinds() {
    }
}
