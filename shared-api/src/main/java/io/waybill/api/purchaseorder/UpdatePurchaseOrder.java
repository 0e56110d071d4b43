package io.waybill.api.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdatePurchaseOrder(@TargetAggregateIdentifier String purchaseOrderId, String orgId,
                                  PurchaseOrderPatch patch) {
}
