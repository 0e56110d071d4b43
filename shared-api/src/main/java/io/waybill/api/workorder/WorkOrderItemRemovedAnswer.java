package io.waybill.api.workorder;

import java.util.List;

/** A work order's line removed: its id, and the order's inputs exploded again from the lines left. */
public record WorkOrderItemRemovedAnswer(String deletedId, List<WorkOrderInputView> inputs) {
}
