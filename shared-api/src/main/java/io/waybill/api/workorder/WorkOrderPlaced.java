package io.waybill.api.workorder;

import java.time.Instant;

/** The work order was placed: its materials are demanded and allocated at the work site. */
public record WorkOrderPlaced(String workOrderId, Instant at) implements WorkOrderStatusEvent {

    @Override
    public WorkOrderStatus status() {
        return WorkOrderStatus.PLACED;
    }
}
