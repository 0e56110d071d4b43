package io.waybill.api.workorder;

import io.waybill.api.Change;
import io.waybill.api.catalog.BomLine;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a line of a work order that is not placed yet: its SKU (with that SKU's BOM), quantity or conversion cost; null keeps a field. */
public record UpdateWorkOrderItem(@TargetAggregateIdentifier String workOrderId, String orgId, String lineId, String skuId, List<BomLine> bom, BigDecimal quantity, Change<BigDecimal> conversionCost) {
}
