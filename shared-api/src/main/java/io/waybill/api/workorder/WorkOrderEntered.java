package io.waybill.api.workorder;

import java.time.Instant;

/** The work order was entered: ready to be placed. */
public record WorkOrderEntered(String workOrderId, Instant at) implements WorkOrderStatusEvent {

    @Override
    public WorkOrderStatus status() {
        return WorkOrderStatus.ENTERED;
    }
}
