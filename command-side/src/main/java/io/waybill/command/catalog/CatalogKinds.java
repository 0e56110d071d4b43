package io.waybill.command.catalog;

import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.inventory.ItemKind;
import io.waybill.command.registry.Kind;

/** The registry's kind of each kind of catalog record. */
public final class CatalogKinds {

    private CatalogKinds() {
    }

    public static Kind of(CatalogKind kind) {
        return new Kind(kind.name(), kind.noun());
    }

    /** The kind of a ledger's item: a material or a SKU. */
    public static Kind of(ItemKind kind) {
        return of(kind == ItemKind.SKU ? CatalogKind.SKU : CatalogKind.MATERIAL);
    }
}
