package io.waybill.api.purchaseorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a purchase event on lines of the order; the same event again changes nothing. */
public record RecordPurchaseEvent(String purchaseOrderId, String orgId,
                                  PurchaseEvent event) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, purchaseOrderId);
    }
}
