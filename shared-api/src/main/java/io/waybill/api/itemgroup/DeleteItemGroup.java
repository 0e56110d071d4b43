package io.waybill.api.itemgroup;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a lot; with {@code expectedVersion} set, a lot at another version refuses with a conflict. */
public record DeleteItemGroup(String itemGroupSid, String orgId, Long expectedVersion) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, itemGroupSid);
    }
}
