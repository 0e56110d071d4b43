package io.waybill.api.workorder;

import java.math.BigDecimal;

/** How many units of a line a receipt takes in. */
public record WorkOrderReceiptLine(String workOrderItemId, BigDecimal quantity) {
}
