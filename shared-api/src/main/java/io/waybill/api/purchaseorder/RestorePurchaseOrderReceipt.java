package io.waybill.api.purchaseorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Brings back a deleted receipt whose reversal a ledger refused: the first {@code reversed} reversals were recorded
 * (and are posted again as new entries), the others never will be. Sent by the posting process only.
 */
public record RestorePurchaseOrderReceipt(String purchaseOrderId, String orgId,
                                          String receiptId, int reversed, String reason) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, purchaseOrderId);
    }
}
