package io.waybill.api.purchaseorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a purchase order still in Planning. */
public record DeletePurchaseOrder(String purchaseOrderId, String orgId) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, purchaseOrderId);
    }
}
