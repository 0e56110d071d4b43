package io.waybill.api.catalog;

/** The kinds identified by a code rather than by their name, each belonging to a type record. */
public sealed interface CodedDetails extends CatalogDetails permits MaterialDetails, SkuDetails {

    String code();

    @Override
    String typeId();
}
