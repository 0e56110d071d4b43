package io.waybill.api.workorder;

import java.math.BigDecimal;

/** How many units of a line a receipt took in. */
public record WorkOrderReceiptItemView(String receiptId, String workOrderItemId, String skuId,
                                       BigDecimal quantity) {
}
