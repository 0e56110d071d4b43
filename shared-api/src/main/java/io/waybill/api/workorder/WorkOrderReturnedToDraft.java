package io.waybill.api.workorder;

import java.time.Instant;

/** The work order went back to Draft. */
public record WorkOrderReturnedToDraft(String workOrderId, Instant at) implements WorkOrderStatusEvent {

    @Override
    public WorkOrderStatus status() {
        return WorkOrderStatus.DRAFT;
    }
}
