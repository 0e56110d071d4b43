package io.waybill.api.workorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes back a receipt whose consumption a ledger refused ({@code reason}) after the first {@code posted} of its entries were recorded: those are reversed. Sent by the posting process only. */
public record RefuseWorkOrderReceipt(@TargetAggregateIdentifier String workOrderId, String orgId, String receiptId, int posted, String reason) {
}
