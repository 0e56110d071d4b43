package io.waybill.api.workorder;

import io.waybill.api.Change;
import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Changes a receipt's notes, and moves it to {@code receiptDate} when that is not null. */
public record UpdateWorkOrderReceipt(String workOrderId, String orgId, String receiptId,
                                     Change<String> notes, LocalDate receiptDate) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, workOrderId);
    }
}
