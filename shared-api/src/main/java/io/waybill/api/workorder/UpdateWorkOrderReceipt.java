package io.waybill.api.workorder;

import io.waybill.api.Change;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a receipt's notes. */
public record UpdateWorkOrderReceipt(@TargetAggregateIdentifier String workOrderId, String orgId, String receiptId, Change<String> notes) {
}
