package io.waybill.api.workorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes in made units: produces them and consumes their materials. */
public record ReceiveWorkOrder(@TargetAggregateIdentifier String workOrderId, String orgId, WorkOrderReceipt receipt) {
}
