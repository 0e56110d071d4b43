package io.waybill.api.workorder;

import io.waybill.api.Change;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Changes a receipt's notes, and moves it to {@code receiptDate} when that is not null. */
public record UpdateWorkOrderReceipt(@TargetAggregateIdentifier String workOrderId, String orgId, String receiptId,
                                     Change<String> notes, LocalDate receiptDate) {
}
