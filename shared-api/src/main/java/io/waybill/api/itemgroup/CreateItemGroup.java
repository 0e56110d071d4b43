package io.waybill.api.itemgroup;

import io.waybill.api.CreationCommand;
import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a lot, or answers the existing one when the same sid comes again with the same details. {@code orderSid}
 * is the order the request named, which must be the item's; null when it named the item by its sid alone, and the
 * lot is then of the item's order.
 */
public record CreateItemGroup(String itemGroupSid, String orgId, String orderSid,
                              String itemSid, ItemGroupDetails details)
        implements CreationCommand {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, itemGroupSid);
    }
}
