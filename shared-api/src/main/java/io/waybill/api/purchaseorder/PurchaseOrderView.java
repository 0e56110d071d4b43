package io.waybill.api.purchaseorder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A purchase order as both sides answer it, with the stamp of each step it took and the controls in effect;
 * {@code amountInvoiced} and {@code amountPaid} add up what its purchase events said was invoiced and paid.
 */
public record PurchaseOrderView(String id, String orgId, String poNumber, String vendorId, TargetType targetType,
                                PurchaseOrderStatus status, String shipToLocationId, Instant planningAt,
                                Instant placedAt, LocalDate shipDate, Instant inTransitAt, Instant partialAt,
                                LocalDate expectedDeliveryDate, Instant receivedAt, Instant paidAt,
                                Instant cancelledAt, BigDecimal shippingCosts, BigDecimal setupCosts,
                                BigDecimal otherCosts, String notes, BigDecimal amountInvoiced,
                                BigDecimal amountPaid, PurchaseOrderControls controls, Instant createdAt, Instant updatedAt) {

    /** The view of an order with these fields, at this status, having taken the steps {@code stamps} holds. */
    public static PurchaseOrderView of(String id, String orgId, String poNumber, TargetType targetType,
                                       PurchaseOrderStatus status, Map<PurchaseOrderStatus, Instant> stamps,
                                       PurchaseOrderDetails d, BigDecimal amountInvoiced,
                                       BigDecimal amountPaid, PurchaseOrderControls controls, Instant createdAt, Instant updatedAt) {
        return new PurchaseOrderView(id, orgId, poNumber, d.vendorId(), targetType, status, d.shipToLocationId(),
                stamps.get(PurchaseOrderStatus.PLANNING), stamps.get(PurchaseOrderStatus.PLACED), d.shipDate(),
                stamps.get(PurchaseOrderStatus.IN_TRANSIT), stamps.get(PurchaseOrderStatus.PARTIAL),
                d.expectedDeliveryDate(), stamps.get(PurchaseOrderStatus.RECEIVED),
                stamps.get(PurchaseOrderStatus.PAID), stamps.get(PurchaseOrderStatus.CANCELLED), d.shippingCosts(),
                d.setupCosts(), d.otherCosts(), d.notes(), amountInvoiced, amountPaid, controls, createdAt, updatedAt);
    }
}
