package io.waybill.api.workorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a work order that was never placed. */
public record DeleteWorkOrder(@TargetAggregateIdentifier String workOrderId, String orgId) {
}
