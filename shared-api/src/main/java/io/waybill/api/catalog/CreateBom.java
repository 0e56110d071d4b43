package io.waybill.api.catalog;

import io.waybill.api.CreationCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Gives a SKU its bill of materials; a SKU that has one already is a conflict. */
public record CreateBom(@TargetAggregateIdentifier String skuId, String orgId, List<BomLine> items)
        implements CreationCommand {

    public CreateBom {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
