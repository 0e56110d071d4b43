package io.waybill.api.purchaseorder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A purchase order as both sides answer it, with the stamp of each step it took. */
public record PurchaseOrderView(String id, String orgId, String poNumber, String vendorId, TargetType targetType,
                                PurchaseOrderStatus status, String shipToLocationId, Instant planningAt,
                                Instant placedAt, LocalDate shipDate, Instant inTransitAt, Instant partialAt,
                                LocalDate expectedDeliveryDate, Instant receivedAt, Instant paidAt,
                                Instant cancelledAt, BigDecimal shippingCosts, BigDecimal setupCosts,
                                BigDecimal otherCosts, String notes, Instant createdAt, Instant updatedAt) {
}
