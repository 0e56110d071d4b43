package io.waybill.api.purchaseorder;

import io.waybill.api.Change;
import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a receipt's notes ({@code null} leaves them, a change to {@code null} removes them). */
public record UpdatePurchaseOrderReceipt(String purchaseOrderId, String orgId,
                                         String receiptId, Change<String> notes) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, purchaseOrderId);
    }
}
