package io.waybill.api.purchaseorder;

import io.waybill.api.Change;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a receipt's notes ({@code null} leaves them, a change to {@code null} removes them). */
public record UpdatePurchaseOrderReceipt(@TargetAggregateIdentifier String purchaseOrderId, String orgId,
                                         String receiptId, Change<String> notes) {
}
