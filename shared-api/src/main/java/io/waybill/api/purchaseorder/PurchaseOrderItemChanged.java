package io.waybill.api.purchaseorder;

import java.util.List;

/** A line as it is now, and which of its fields changed. */
public record PurchaseOrderItemChanged(String purchaseOrderId, PurchaseOrderLine line, List<String> changedFields)
        implements PurchaseOrderItemEvent {
}
