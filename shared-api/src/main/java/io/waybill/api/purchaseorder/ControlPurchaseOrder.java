package io.waybill.api.purchaseorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Applies one of the order's controls; asking for a control already in effect changes nothing. */
public record ControlPurchaseOrder(String purchaseOrderId, String orgId,
                                   PurchaseOrderControl control) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, purchaseOrderId);
    }
}
