package io.waybill.api.purchaseorder;

import java.math.BigDecimal;

/** One line of a receipt: how much of the order's line it took in. */
public record PurchaseOrderReceiptItemView(String receiptId, String purchaseOrderItemId, BigDecimal quantity) {
}
