package io.waybill.api.purchaseorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a purchase event on lines of the order; the same event again changes nothing. */
public record RecordPurchaseEvent(@TargetAggregateIdentifier String purchaseOrderId, String orgId,
                                  PurchaseEvent event) {
}
