package io.waybill.api.purchaseorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a receipt; the same receipt id with the same receipt again answers the one recorded. */
public record ReceivePurchaseOrder(String purchaseOrderId, String orgId,
                                   PurchaseOrderReceipt receipt) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, purchaseOrderId);
    }
}
