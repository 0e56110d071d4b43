package io.waybill.api.catalog;

public record BomDeleted(String id) implements CatalogEvent {
}
