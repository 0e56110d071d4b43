package io.waybill.api.purchaseorder;

import java.util.List;

/**
 * The answer to a purchase event: the event, the order after it, and its lines after it (those the event named that
 * remain, and a line a divide made).
 */
public record PurchaseEventAnswer(PurchaseEventView purchaseEvent, PurchaseOrderView purchaseOrder,
                                  List<PurchaseOrderItemView> items) {

    public PurchaseEventAnswer {
        items = List.copyOf(items);
    }
}
