package io.waybill.api.purchaseorder;

import java.math.BigDecimal;

/** A line of a purchase order: how much of one material or SKU ({@code itemId}), at what unit cost. */
public record PurchaseOrderLine(String lineId, String itemId, BigDecimal quantity, BigDecimal unitCost) {
}
