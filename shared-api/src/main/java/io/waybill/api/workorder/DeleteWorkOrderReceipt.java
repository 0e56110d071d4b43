package io.waybill.api.workorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a receipt: reverses its production and consumption and gives the order its allocation back. */
public record DeleteWorkOrderReceipt(@TargetAggregateIdentifier String workOrderId, String orgId, String receiptId) {
}
