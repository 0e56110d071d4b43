package io.waybill.api.purchaseorder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A line of a purchase order: {@code materialId} or {@code skuId} by the order's target type, the other null;
 * {@code quantityReceived} is what its receipts took in, the other quantities, dates and tracking what purchase events
 * said of it ({@link PurchaseLineProgress}).
 */
public record PurchaseOrderItemView(String id, String orgId, String purchaseOrderId,
                                    String materialId, String skuId,
                                    BigDecimal quantity, BigDecimal unitCost, BigDecimal quantityReceived,
                                    BigDecimal quantityShipped, BigDecimal quantityInvoiced,
                                    BigDecimal quantityCanceled, LocalDate expectedDelivery,
                                    LocalDate expectedShipBy, String trackingNumber, String carrier,
                                    LocalDate snoozedUntil, Instant createdAt, Instant updatedAt) {

    public static PurchaseOrderItemView of(String orgId, String purchaseOrderId, TargetType type,
                                           PurchaseOrderLine line, BigDecimal received, PurchaseLineProgress p,
                                           Instant createdAt, Instant updatedAt) {
        boolean materials = type == TargetType.MATERIALS;
        return new PurchaseOrderItemView(line.lineId(), orgId, purchaseOrderId, materials ? line.itemId() : null,
                materials ? null : line.itemId(), line.quantity(), line.unitCost(), received, p.quantityShipped(),
                p.quantityInvoiced(), p.quantityCanceled(), p.expectedDelivery(), p.expectedShipBy(),
                p.trackingNumber(), p.carrier(), p.snoozedUntil(), createdAt, updatedAt);
    }
}
