package io.waybill.api.catalog;

public record CatalogRecordCreated(String id, String orgId, CatalogDetails details) implements CatalogEvent {
}
