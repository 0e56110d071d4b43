package io.waybill.api.purchaseorder;

import io.waybill.api.CreationCommand;
import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Creates a purchase order in Planning, or answers the existing one when the same id comes with the same body. */
public record CreatePurchaseOrder(String purchaseOrderId, String orgId,
                                  TargetType targetType, PurchaseOrderDetails details, List<PurchaseOrderLine> items)
        implements CreationCommand {

    public CreatePurchaseOrder {
        items = List.copyOf(items);
    }

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, purchaseOrderId);
    }
}
