package io.waybill.api.workorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks the ledger again for what the work order still lacks of its materials (its shortage). */
public record AllocateWorkOrder(String workOrderId, String orgId) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, workOrderId);
    }
}
