package io.waybill.api.purchaseorder;

import java.util.List;

/** The purchase order's fields as they are now, and which of them changed. */
public record PurchaseOrderChanged(String purchaseOrderId, PurchaseOrderDetails details, List<String> changedFields)
        implements PurchaseOrderEvent {
}
