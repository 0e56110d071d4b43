package io.waybill.api.workorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes back a receipt whose consumption a ledger refused ({@code reason}) after the first {@code posted} of its entries were recorded: those are reversed. Sent by the posting process only. */
public record RefuseWorkOrderReceipt(String workOrderId, String orgId, String receiptId, int posted, String reason) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, workOrderId);
    }
}
