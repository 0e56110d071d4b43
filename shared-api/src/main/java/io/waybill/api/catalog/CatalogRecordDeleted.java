package io.waybill.api.catalog;

public record CatalogRecordDeleted(String id, CatalogKind kind) implements CatalogEvent {
}
