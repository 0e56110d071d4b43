package io.waybill.api.workorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks the ledger again for what the work order still lacks of its materials (its shortage). */
public record AllocateWorkOrder(@TargetAggregateIdentifier String workOrderId, String orgId) {
}
