package io.waybill.api.purchaseorder;

import java.math.BigDecimal;

/** How much of one line of the order a receipt takes in. */
public record ReceiptLine(String purchaseOrderItemId, BigDecimal quantity) {
}
