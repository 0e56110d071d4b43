package io.waybill.api.workorder;

import java.time.Instant;

/** Back to {@code status} (Placed, Production or In Transit): the receipts that moved the order on were deleted. */
public record WorkOrderReopened(String workOrderId, WorkOrderStatus status, Instant at)
        implements WorkOrderStatusEvent {
}
