package io.waybill.api.catalog;

import java.util.List;

/** The record's details after the change, and the names of the fields that changed. */
public record CatalogRecordChanged(String id, CatalogDetails details, List<String> changedFields)
        implements CatalogEvent {
}
