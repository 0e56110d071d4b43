package io.waybill.api.itemgroup;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Updates a lot; with {@code expectedVersion} set, a lot at another version refuses with a conflict. */
public record UpdateItemGroup(String itemGroupSid, String orgId, Long expectedVersion, ItemGroupPatch patch) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, itemGroupSid);
    }
}
