package io.waybill.api.itemgroup;

import io.waybill.api.RecordStreams;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Combines other lots of the same item into this one. */
public record CombineItemGroups(String itemGroupSid, String orgId, List<String> sourceItemGroupSids) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, itemGroupSid);
    }
}
