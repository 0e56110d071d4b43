package io.waybill.api.workorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks which entries deleting the receipt would reverse, without deleting it. */
public record PlanWorkOrderReceiptDeletion(@TargetAggregateIdentifier String workOrderId, String orgId, String receiptId) {
}
