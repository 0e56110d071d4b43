package io.waybill.api.workorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a line of a work order that is not placed yet. */
public record RemoveWorkOrderItem(String workOrderId, String orgId, String lineId) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, workOrderId);
    }
}
