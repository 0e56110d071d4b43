package io.waybill.api.purchaseorder;

import java.util.List;

/** A receipt with its lines, and the order as it is after it: the answer to a receipt and to a read of one. */
public record ReceiptAnswer(PurchaseOrderView purchaseOrder, PurchaseOrderReceiptView receipt,
                            List<PurchaseOrderReceiptItemView> receiptItems) {

    public ReceiptAnswer {
        receiptItems = List.copyOf(receiptItems);
    }
}
