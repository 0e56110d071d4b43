package io.waybill.api.purchaseorder;

import java.util.List;

/** A purchase order with its lines: the answer to its create and to a read of one. */
public record PurchaseOrderAnswer(PurchaseOrderView purchaseOrder, List<PurchaseOrderItemView> items) {

    public PurchaseOrderAnswer {
        items = List.copyOf(items);
    }
}
