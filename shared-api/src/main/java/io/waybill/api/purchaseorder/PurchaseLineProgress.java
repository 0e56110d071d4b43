package io.waybill.api.purchaseorder;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What purchase events said of a line: how much was shipped, invoiced and canceled, when it is expected (null: when
 * the order is), its tracking, and until when it is snoozed.
 */
public record PurchaseLineProgress(BigDecimal quantityShipped, BigDecimal quantityInvoiced,
                                   BigDecimal quantityCanceled, LocalDate expectedDelivery, LocalDate expectedShipBy,
                                   String trackingNumber, String carrier, LocalDate snoozedUntil) {

    public static final PurchaseLineProgress NONE = new PurchaseLineProgress(BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, null, null, null, null, null);

    public PurchaseLineProgress shipped(BigDecimal quantity) {
        return new PurchaseLineProgress(quantityShipped.add(quantity), quantityInvoiced, quantityCanceled,
                expectedDelivery, expectedShipBy, trackingNumber, carrier, snoozedUntil);
    }

    public PurchaseLineProgress invoiced(BigDecimal quantity) {
        return new PurchaseLineProgress(quantityShipped, quantityInvoiced.add(quantity), quantityCanceled,
                expectedDelivery, expectedShipBy, trackingNumber, carrier, snoozedUntil);
    }

    public PurchaseLineProgress canceled(BigDecimal quantity) {
        return new PurchaseLineProgress(quantityShipped, quantityInvoiced, quantityCanceled.add(quantity),
                expectedDelivery, expectedShipBy, trackingNumber, carrier, snoozedUntil);
    }

    /** The progress of a line that took in {@code other}'s (combined into it): quantities add up, its dates stay. */
    public PurchaseLineProgress plus(PurchaseLineProgress other) {
        return new PurchaseLineProgress(quantityShipped.add(other.quantityShipped),
                quantityInvoiced.add(other.quantityInvoiced), quantityCanceled.add(other.quantityCanceled),
                expectedDelivery, expectedShipBy, trackingNumber, carrier, snoozedUntil);
    }

    /** A new line divided off this one: nothing shipped, invoiced or canceled yet, expected and tracked alike. */
    public PurchaseLineProgress dividedOff() {
        return new PurchaseLineProgress(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, expectedDelivery,
                expectedShipBy, trackingNumber, carrier, snoozedUntil);
    }

    /**
     * What the event tells of every line it names: the tracking and carrier it gives, the expected dates it gives
     * when its type moves them, the snooze it sets.
     */
    public PurchaseLineProgress told(PurchaseEvent event) {
        PurchaseEventDetails d = event.details();
        boolean dates = event.type().movesDates();
        return new PurchaseLineProgress(quantityShipped, quantityInvoiced, quantityCanceled,
                dates && d.estimatedDelivery() != null ? d.estimatedDelivery() : expectedDelivery,
                dates && d.expectedShipBy() != null ? d.expectedShipBy() : expectedShipBy,
                d.trackingNumber() != null ? d.trackingNumber() : trackingNumber,
                d.carrier() != null ? d.carrier() : carrier,
                event.type() == PurchaseEventType.SNOOZED ? d.snoozedUntil() : snoozedUntil);
    }
}
