package io.waybill.api.workorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a receipt: reverses its production and consumption and gives the order its allocation back. */
public record DeleteWorkOrderReceipt(String workOrderId, String orgId, String receiptId) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, workOrderId);
    }
}
