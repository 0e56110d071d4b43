package io.waybill.api.workorder;

import java.util.List;

/** A line as it now is, and the order's inputs exploded again from all its lines. */
public record WorkOrderItemAnswer(WorkOrderItemView item, List<WorkOrderInputView> inputs) {
}
