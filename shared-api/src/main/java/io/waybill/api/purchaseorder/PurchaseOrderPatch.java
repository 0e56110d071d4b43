package io.waybill.api.purchaseorder;

import io.waybill.api.Change;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A partial update of a purchase order: each field kept, cleared or set; {@code status} moves it on, stamped
 * {@code statusAt} (a time the client gives, never in the future) or else when the server handles it.
 */
public record PurchaseOrderPatch(Change<String> vendorId, Change<String> shipToLocationId,
                                 Change<LocalDate> expectedDeliveryDate, Change<LocalDate> shipDate,
                                 Change<BigDecimal> shippingCosts, Change<BigDecimal> setupCosts,
                                 Change<BigDecimal> otherCosts, Change<String> notes, PurchaseOrderStatus status,
                                 Instant statusAt) {

    public PurchaseOrderDetails applyTo(PurchaseOrderDetails d) {
        return new PurchaseOrderDetails(Change.apply(vendorId, d.vendorId()),
                Change.apply(shipToLocationId, d.shipToLocationId()),
                Change.apply(expectedDeliveryDate, d.expectedDeliveryDate()), Change.apply(shipDate, d.shipDate()),
                Change.apply(shippingCosts, d.shippingCosts()), Change.apply(setupCosts, d.setupCosts()),
                Change.apply(otherCosts, d.otherCosts()), Change.apply(notes, d.notes()));
    }
}
