package io.waybill.api.order;

import io.waybill.api.CreationCommand;
import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates an order, or answers the existing one when the same sid comes again with the same details. */
public record CreateOrder(String orderSid, String orgId, OrderDetails details)
        implements CreationCommand {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, orderSid);
    }
}
