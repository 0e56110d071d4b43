package io.waybill.api.purchaseorder;

import java.util.List;

/** A purchase order made in Planning, numbered {@code poNumber} (gapless per organisation). */
public record PurchaseOrderCreated(String purchaseOrderId, String orgId, String poNumber, TargetType targetType,
                                   PurchaseOrderDetails details, List<PurchaseOrderLine> items)
        implements PurchaseOrderEvent {
}
