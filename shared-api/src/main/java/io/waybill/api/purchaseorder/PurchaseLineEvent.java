package io.waybill.api.purchaseorder;

/**
 * A purchase event recorded on lines of a purchase order, as the event of what it does to them. Stored history: never
 * rename or move one of these.
 */
public sealed interface PurchaseLineEvent extends PurchaseOrderEvent permits PurchaseLinesShipped,
        PurchaseLinesInvoiced, PurchaseLinesCanceled, PurchaseLineDivided, PurchaseLinesCombined,
        PurchaseLineAdjusted, PurchaseLinesRescheduled, PurchaseLinesSnoozed, PurchaseLinesNoted {

    PurchaseEvent event();
}
