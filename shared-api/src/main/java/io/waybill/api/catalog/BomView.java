package io.waybill.api.catalog;

import java.util.List;

/** A SKU's bill of materials; it has no id of its own, the SKU's id names it. */
public record BomView(String outputSkuId, List<BomLine> items) {
}
