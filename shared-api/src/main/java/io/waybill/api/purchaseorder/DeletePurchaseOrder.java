package io.waybill.api.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a purchase order still in Planning. */
public record DeletePurchaseOrder(@TargetAggregateIdentifier String purchaseOrderId, String orgId) {
}
