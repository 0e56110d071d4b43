package io.waybill.api.purchaseorder;

import java.math.BigDecimal;

/**
 * The event's lines, all of one item at one unit cost, became its first: that line now orders {@code quantity}, the
 * sum of theirs, and the others are gone.
 */
public record PurchaseLinesCombined(String purchaseOrderId, PurchaseEvent event, BigDecimal quantity)
        implements PurchaseLineEvent {
}
