package io.waybill.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reads the SKU's bill of materials as it is now, changing nothing: a work order records the BOM its lines are made
 * from. A SKU without a BOM is refused as {@code validation_failed} on {@code field}.
 */
public record ReadBom(@TargetAggregateIdentifier String skuId, String orgId, String field) {
}
