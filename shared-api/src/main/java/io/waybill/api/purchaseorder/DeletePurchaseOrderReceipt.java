package io.waybill.api.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a receipt: its entries are reversed and its lines expect again what it took in. */
public record DeletePurchaseOrderReceipt(@TargetAggregateIdentifier String purchaseOrderId, String orgId,
                                         String receiptId) {
}
