package io.waybill.api.catalog;

import java.math.BigDecimal;

/** One material of a bill of materials and how much of it one unit of the output SKU takes. */
public record BomLine(String materialId, BigDecimal quantityPerUnit) {
}
