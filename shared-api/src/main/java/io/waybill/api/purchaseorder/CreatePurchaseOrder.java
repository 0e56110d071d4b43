package io.waybill.api.purchaseorder;

import io.waybill.api.CreationCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Creates a purchase order in Planning, or answers the existing one when the same id comes with the same body. */
public record CreatePurchaseOrder(@TargetAggregateIdentifier String purchaseOrderId, String orgId,
                                  TargetType targetType, PurchaseOrderDetails details, List<PurchaseOrderLine> items)
        implements CreationCommand {

    public CreatePurchaseOrder {
        items = List.copyOf(items);
    }
}
