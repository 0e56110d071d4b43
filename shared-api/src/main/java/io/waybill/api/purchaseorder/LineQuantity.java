package io.waybill.api.purchaseorder;

import java.math.BigDecimal;

/** How much of one line of a purchase order an event is about. */
public record LineQuantity(String lineId, BigDecimal quantity) {
}
