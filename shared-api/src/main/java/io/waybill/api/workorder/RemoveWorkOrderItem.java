package io.waybill.api.workorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a line of a work order that is not placed yet. */
public record RemoveWorkOrderItem(@TargetAggregateIdentifier String workOrderId, String orgId, String lineId) {
}
