package io.waybill.api.workorder;

import java.util.List;

/** A work order with its lines and the materials they need. */
public record WorkOrderAnswer(WorkOrderView workOrder, List<WorkOrderItemView> items,
                             List<WorkOrderInputView> inputs) {
}
