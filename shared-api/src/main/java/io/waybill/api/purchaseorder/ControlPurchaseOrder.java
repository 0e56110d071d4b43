package io.waybill.api.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Applies one of the order's controls; asking for a control already in effect changes nothing. */
public record ControlPurchaseOrder(@TargetAggregateIdentifier String purchaseOrderId, String orgId,
                                   PurchaseOrderControl control) {
}
