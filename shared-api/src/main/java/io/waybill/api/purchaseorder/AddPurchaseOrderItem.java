package io.waybill.api.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a line; {@code named} is the kind of item the request named (materialId or skuId). */
public record AddPurchaseOrderItem(@TargetAggregateIdentifier String purchaseOrderId, String orgId,
                                   PurchaseOrderLine line, TargetType named) {
}
