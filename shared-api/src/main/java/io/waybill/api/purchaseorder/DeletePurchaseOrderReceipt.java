package io.waybill.api.purchaseorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a receipt: its entries are reversed and its lines expect again what it took in. */
public record DeletePurchaseOrderReceipt(String purchaseOrderId, String orgId,
                                         String receiptId) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, purchaseOrderId);
    }
}
