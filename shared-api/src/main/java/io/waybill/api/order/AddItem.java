package io.waybill.api.order;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a line to an order, or answers the existing one when the same item sid comes again with the same details. */
public record AddItem(String orderSid, String orgId, String itemSid, ItemDetails details) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, orderSid);
    }
}
