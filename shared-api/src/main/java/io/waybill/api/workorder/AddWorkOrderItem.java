package io.waybill.api.workorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a line to a work order that is not placed yet. */
public record AddWorkOrderItem(@TargetAggregateIdentifier String workOrderId, String orgId, WorkOrderLine line) {
}
