package io.waybill.api.workorder;

import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Asks the order which of the receipt's entries moving it to {@code receiptDate} would date anew (none when that is
 * its date), refused as the move would be; changes nothing. Answers a {@link io.waybill.api.inventory.PostingPlan}.
 */
public record PlanWorkOrderReceiptMove(String workOrderId, String orgId, String receiptId,
                                       LocalDate receiptDate) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, workOrderId);
    }
}
