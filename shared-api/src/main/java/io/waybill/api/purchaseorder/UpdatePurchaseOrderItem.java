package io.waybill.api.purchaseorder;

import io.waybill.api.Change;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * Changes a line's item, quantity or unit cost; {@code itemId} null keeps the item, else {@code named} is the kind
 * of item the request named (materialId or skuId).
 */
public record UpdatePurchaseOrderItem(@TargetAggregateIdentifier String purchaseOrderId, String orgId, String lineId,
                                      String itemId, TargetType named, BigDecimal quantity,
                                      Change<BigDecimal> unitCost) {
}
