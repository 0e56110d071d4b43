package io.waybill.api.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks whether the receipt may be deleted and answers the entries its deletion would reverse (a
 * {@link ReceiptDeletionPlan}), changing nothing: the ledgers are asked next whether they can take the reversals.
 */
public record PlanReceiptDeletion(@TargetAggregateIdentifier String purchaseOrderId, String orgId,
                                  String receiptId) {
}
