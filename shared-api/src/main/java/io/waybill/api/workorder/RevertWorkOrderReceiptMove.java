package io.waybill.api.workorder;

import io.waybill.api.RecordStreams;
import io.waybill.api.inventory.StockPosting;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Takes back a receipt's move to another date whose entries a ledger refused ({@code reason}): the receipt is dated
 * {@code movedFrom} again; of the move's {@code postings}, the first {@code posted} were recorded (and are undone),
 * the others never will be. Sent by the posting process only.
 */
public record RevertWorkOrderReceiptMove(String workOrderId, String orgId,
                                         String receiptId, LocalDate movedFrom, int posted, String reason,
                                         List<StockPosting> postings) {

    public RevertWorkOrderReceiptMove {
        postings = List.copyOf(postings);
    }

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, workOrderId);
    }
}
