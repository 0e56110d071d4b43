package io.waybill.api.workorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks what a receipt would post, without recording it: the controller checks the consumption with the ledgers first. */
public record PlanWorkOrderReceipt(@TargetAggregateIdentifier String workOrderId, String orgId, WorkOrderReceipt receipt) {
}
