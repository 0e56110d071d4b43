package io.waybill.api.workorder;

import io.waybill.api.catalog.BomLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A line of a work order: what it makes, how many, from what, and how many its receipts took in. */
public record WorkOrderItemView(String id, String workOrderId, String skuId, BigDecimal quantity,
                                BigDecimal conversionCost, BigDecimal quantityReceived, List<BomLine> bom,
                                Instant createdAt, Instant updatedAt) {
}
