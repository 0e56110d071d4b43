package io.waybill.api.workorder;

import java.time.Instant;

/** Production of the work order started. */
public record WorkOrderProductionStarted(String workOrderId, Instant at) implements WorkOrderStatusEvent {

    @Override
    public WorkOrderStatus status() {
        return WorkOrderStatus.PRODUCTION;
    }
}
