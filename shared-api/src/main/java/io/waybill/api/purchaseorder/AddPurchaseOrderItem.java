package io.waybill.api.purchaseorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a line; {@code named} is the kind of item the request named (materialId or skuId). */
public record AddPurchaseOrderItem(String purchaseOrderId, String orgId,
                                   PurchaseOrderLine line, TargetType named) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, purchaseOrderId);
    }
}
