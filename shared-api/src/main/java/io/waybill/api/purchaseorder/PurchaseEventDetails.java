package io.waybill.api.purchaseorder;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a purchase event says beside its type and lines, each field optional unless its type needs it: a quantity, the
 * shipment's tracking number and carrier, new expected dates, an invoice and what was paid, notes, a snooze, and the
 * quantity a divide splits off.
 */
public record PurchaseEventDetails(BigDecimal quantity, String trackingNumber, String carrier,
                                   LocalDate estimatedDelivery, LocalDate expectedShipBy, String invoiceNumber,
                                   BigDecimal invoiceAmount, BigDecimal lineTotalPaid, BigDecimal salesTaxPaid,
                                   BigDecimal shippingPaid, BigDecimal otherTotalPaid, BigDecimal dutiesPaid,
                                   String notes, LocalDate snoozedUntil, BigDecimal divideQuantity) {

    /** What the event says was paid, all its paid fields together; zero when it says nothing of payment. */
    public BigDecimal paid() {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal part : new BigDecimal[] {lineTotalPaid, salesTaxPaid, shippingPaid, otherTotalPaid,
                dutiesPaid}) {
            total = part == null ? total : total.add(part);
        }
        return total;
    }
}
