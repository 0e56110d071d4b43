package io.waybill.api.workorder;

import java.time.Instant;

/** What the work order made is on its way. */
public record WorkOrderInTransit(String workOrderId, Instant at) implements WorkOrderStatusEvent {

    @Override
    public WorkOrderStatus status() {
        return WorkOrderStatus.IN_TRANSIT;
    }
}
