package io.waybill.api.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a receipt; the same receipt id with the same receipt again answers the one recorded. */
public record ReceivePurchaseOrder(@TargetAggregateIdentifier String purchaseOrderId, String orgId,
                                   PurchaseOrderReceipt receipt) {
}
