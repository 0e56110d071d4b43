package io.waybill.api.purchaseorder;

import io.waybill.api.Change;
import io.waybill.api.RecordStreams;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * Changes a line's item, quantity or unit cost; {@code itemId} null keeps the item, else {@code named} is the kind
 * of item the request named (materialId or skuId).
 */
public record UpdatePurchaseOrderItem(String purchaseOrderId, String orgId, String lineId,
                                      String itemId, TargetType named, BigDecimal quantity,
                                      Change<BigDecimal> unitCost) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, purchaseOrderId);
    }
}
