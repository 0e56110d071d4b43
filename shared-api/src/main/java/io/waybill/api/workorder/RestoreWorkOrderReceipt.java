package io.waybill.api.workorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Brings back a deleted receipt whose reversal a ledger refused ({@code reason}): the first {@code reversed}
 * reversals were recorded (and are posted again as new entries), the others never will be. Sent by the posting
 * process only.
 */
public record RestoreWorkOrderReceipt(String workOrderId, String orgId, String receiptId,
                                      int reversed, String reason) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, workOrderId);
    }
}
