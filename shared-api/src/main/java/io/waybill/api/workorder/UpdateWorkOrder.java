package io.waybill.api.workorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a work order's fields or moves it to another status. */
public record UpdateWorkOrder(@TargetAggregateIdentifier String workOrderId, String orgId, WorkOrderPatch patch) {
}
