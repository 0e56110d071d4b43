package io.waybill.api.workorder;

import io.waybill.api.catalog.BomLine;

import java.math.BigDecimal;
import java.util.List;

/**
 * A line of a work order: {@code quantity} units of the SKU to make, at {@code conversionCost} per unit, from the
 * SKU's bill of materials as it was when the line was added or last changed ({@code bom}), so that a later change
 * of the BOM does not change the order.
 */
public record WorkOrderLine(String lineId, String skuId, BigDecimal quantity, BigDecimal conversionCost,
                            List<BomLine> bom) {

    public WorkOrderLine {
        bom = List.copyOf(bom);
    }
}
