package io.waybill.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Replaces the composition of a SKU's existing bill of materials. */
public record ReplaceBom(@TargetAggregateIdentifier String skuId, String orgId, List<BomLine> items) {

    public ReplaceBom {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
