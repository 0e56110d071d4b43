package io.waybill.api.workorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks what a receipt would post, without recording it: the controller checks the consumption with the ledgers first. */
public record PlanWorkOrderReceipt(String workOrderId, String orgId, WorkOrderReceipt receipt) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, workOrderId);
    }
}
