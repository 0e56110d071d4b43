package io.waybill.api.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemovePurchaseOrderItem(@TargetAggregateIdentifier String purchaseOrderId, String orgId,
                                      String lineId) {
}
