package io.waybill.api.purchaseorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks whether the receipt may be deleted and answers the entries its deletion would reverse (a
 * {@link ReceiptDeletionPlan}), changing nothing: the ledgers are asked next whether they can take the reversals.
 */
public record PlanReceiptDeletion(String purchaseOrderId, String orgId,
                                  String receiptId) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, purchaseOrderId);
    }
}
