package io.waybill.api.workorder;

import io.waybill.api.Change;
import io.waybill.api.RecordStreams;
import io.waybill.api.catalog.BomLine;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a line of a work order that is not placed yet: its SKU (with that SKU's BOM), quantity or conversion cost; null keeps a field. */
public record UpdateWorkOrderItem(String workOrderId, String orgId, String lineId, String skuId, List<BomLine> bom, BigDecimal quantity, Change<BigDecimal> conversionCost) {

    /** The stream of the {@link RecordStreams record} the command is for. */
    @TargetAggregateIdentifier
    public String streamId() {
        return RecordStreams.of(orgId, workOrderId);
    }
}
