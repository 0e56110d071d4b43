package io.waybill.api.purchaseorder;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The fields of a purchase order a buyer sets and changes. */
public record PurchaseOrderDetails(String vendorId, String shipToLocationId, LocalDate expectedDeliveryDate,
                                   LocalDate shipDate, BigDecimal shippingCosts, BigDecimal setupCosts,
                                   BigDecimal otherCosts, String notes) {
}
