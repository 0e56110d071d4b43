package io.waybill.api.catalog;

import java.util.List;

/** The SKU's bill of materials is now exactly {@code items} (also when it is given its first one). */
public record BomReplaced(String id, List<BomLine> items) implements CatalogEvent {
}
