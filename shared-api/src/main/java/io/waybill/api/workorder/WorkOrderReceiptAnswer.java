package io.waybill.api.workorder;

import java.util.List;

/** A receipt with its lines and the work order as it stands after it. */
public record WorkOrderReceiptAnswer(WorkOrderView workOrder, WorkOrderReceiptView receipt,
                                     List<WorkOrderReceiptItemView> receiptItems) {
}
