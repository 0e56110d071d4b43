package io.waybill.api.catalog;

/** What happens to a catalog record (and a SKU's bill of materials). Stored history: never rename or move one. */
public sealed interface CatalogEvent
        permits CatalogRecordCreated, CatalogRecordChanged, CatalogRecordDeleted, BomReplaced, BomDeleted {

    String id();
}
