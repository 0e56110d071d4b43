package io.waybill.api.itemgroup;

import io.waybill.api.CreationCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a lot, or answers the existing one when the same sid comes again with the same details. */
public record CreateItemGroup(@TargetAggregateIdentifier String itemGroupSid, String orgId, String orderSid,
                              String itemSid, ItemGroupDetails details)
        implements CreationCommand {
}
