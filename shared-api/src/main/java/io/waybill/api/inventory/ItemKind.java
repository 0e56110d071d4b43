package io.waybill.api.inventory;

/** What a ledger counts: a material (materials inventory) or a SKU (finished goods). */
public enum ItemKind {
    MATERIAL,
    SKU
}
