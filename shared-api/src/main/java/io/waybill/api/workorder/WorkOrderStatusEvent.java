package io.waybill.api.workorder;

import java.time.Instant;

/** A step of the lifecycle, stamped {@code at}: when it happened, as the client said or the server saw it. */
public sealed interface WorkOrderStatusEvent extends WorkOrderEvent permits WorkOrderEntered,
        WorkOrderReturnedToDraft, WorkOrderPlaced, WorkOrderProductionStarted, WorkOrderInTransit,
        WorkOrderPartlyReceived, WorkOrderFullyReceived, WorkOrderCompleted, WorkOrderCancelled, WorkOrderReopened {

    Instant at();

    WorkOrderStatus status();
}
