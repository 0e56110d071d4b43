package io.waybill.api.order;

import io.waybill.api.CreationCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates an order, or answers the existing one when the same sid comes again with the same details. */
public record CreateOrder(@TargetAggregateIdentifier String orderSid, String orgId, OrderDetails details)
        implements CreationCommand {
}
