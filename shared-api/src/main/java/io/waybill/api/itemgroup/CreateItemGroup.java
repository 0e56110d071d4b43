package io.waybill.api.itemgroup;

import io.waybill.api.CreationCommand;
import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a lot, or answers the existing one when the same sid comes again with the same details. */
public record CreateItemGroup(String itemGroupSid, String orgId, String orderSid,
                              String itemSid, ItemGroupDetails details)
        implements CreationCommand {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, itemGroupSid);
    }
}
