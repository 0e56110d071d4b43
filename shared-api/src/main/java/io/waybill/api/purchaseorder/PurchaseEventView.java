package io.waybill.api.purchaseorder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A purchase event as recorded: its type, the lines it is about, what it said, who recorded it and when. */
public record PurchaseEventView(String id, String orgId, String purchaseOrderId, PurchaseEventType eventType,
                                List<String> purchaseOrderItemIds, BigDecimal quantity, String trackingNumber,
                                String carrier, LocalDate estimatedDelivery, LocalDate expectedShipBy,
                                String invoiceNumber, BigDecimal invoiceAmount, BigDecimal lineTotalPaid,
                                BigDecimal salesTaxPaid, BigDecimal shippingPaid, BigDecimal otherTotalPaid,
                                BigDecimal dutiesPaid, String notes, LocalDate snoozedUntil,
                                BigDecimal divideQuantity, String createdBy, Instant createdAt) {

    public PurchaseEventView {
        purchaseOrderItemIds = List.copyOf(purchaseOrderItemIds);
    }

    public static PurchaseEventView of(String orgId, String purchaseOrderId, PurchaseEvent event, Instant at) {
        PurchaseEventDetails d = event.details();
        return new PurchaseEventView(event.id(), orgId, purchaseOrderId, event.type(), event.lineIds(), d.quantity(),
                d.trackingNumber(), d.carrier(), d.estimatedDelivery(), d.expectedShipBy(), d.invoiceNumber(),
                d.invoiceAmount(), d.lineTotalPaid(), d.salesTaxPaid(), d.shippingPaid(), d.otherTotalPaid(),
                d.dutiesPaid(), d.notes(), d.snoozedUntil(), d.divideQuantity(), event.by(), at);
    }
}
