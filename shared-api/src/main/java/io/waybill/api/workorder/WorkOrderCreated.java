package io.waybill.api.workorder;

import java.util.List;

/** A work order was created in Draft, with its number, fields and lines. */
public record WorkOrderCreated(String workOrderId, String orgId, String woNumber, WorkOrderDetails details, List<WorkOrderLine> items) implements WorkOrderEvent {

    public WorkOrderCreated {
        items = List.copyOf(items);
    }
}
