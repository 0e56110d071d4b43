package io.waybill.api.purchaseorder;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A line of a purchase order: {@code materialId} or {@code skuId} by the order's target type, the other null;
 * {@code quantityReceived} is what its receipts took in.
 */
public record PurchaseOrderItemView(String id, String orgId, String purchaseOrderId,
                                    String materialId, String skuId,
                                    BigDecimal quantity, BigDecimal unitCost, BigDecimal quantityReceived,
                                    Instant createdAt, Instant updatedAt) {

    public static PurchaseOrderItemView of(String orgId, String purchaseOrderId, TargetType type,
                                           PurchaseOrderLine line, BigDecimal received, Instant createdAt,
                                           Instant updatedAt) {
        boolean materials = type == TargetType.MATERIALS;
        return new PurchaseOrderItemView(line.lineId(), orgId, purchaseOrderId, materials ? line.itemId() : null,
                materials ? null : line.itemId(), line.quantity(), line.unitCost(), received, createdAt,
                updatedAt);
    }
}
