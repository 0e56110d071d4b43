package io.waybill.query.inventory;

import io.waybill.api.DomainException;
import io.waybill.api.inventory.EntryType;
import io.waybill.api.inventory.ItemKind;

import java.util.Arrays;

/**
 * The two inventories of the API, each showing the ledgers of one kind of item: materials under
 * {@code /materials-inventory} (filtered by {@code materialId}), finished goods under {@code /fg-inventory}
 * (filtered by {@code skuId}). Only SKUs are produced.
 */
enum InventoryBook {
    MATERIALS("materials-inventory", ItemKind.MATERIAL, "materialId", "material"),
    FINISHED_GOODS("fg-inventory", ItemKind.SKU, "skuId", "SKU");

    private final String path;
    private final ItemKind kind;
    private final String itemParameter;
    private final String itemName;

    InventoryBook(String path, ItemKind kind, String itemParameter, String itemName) {
        this.path = path;
        this.kind = kind;
        this.itemParameter = itemParameter;
        this.itemName = itemName;
    }

    static InventoryBook of(String path) {
        return Arrays.stream(values()).filter(book -> book.path.equals(path)).findFirst()
                .orElseThrow(() -> DomainException.notFound("inventory", path));
    }

    ItemKind kind() {
        return kind;
    }

    /**
     * The item filter: {@code materialId} in the materials inventory, {@code skuId} in finished goods; the other
     * one is refused rather than ignored.
     */
    String itemFilter(String materialId, String skuId) {
        String other = kind == ItemKind.MATERIAL ? skuId : materialId;
        if (other != null) {
            String name = kind == ItemKind.MATERIAL ? "skuId" : "materialId";
            throw DomainException.invalid(name, "is not a filter of /" + path + "; use " + itemParameter);
        }
        return blankToNull(kind == ItemKind.MATERIAL ? materialId : skuId);
    }

    /** An entry type by name, refused if unknown or if no entry of this kind can have it. */
    EntryType entryType(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            EntryType type = EntryType.valueOf(name);
            if (!type.appliesTo(kind)) {
                throw DomainException.invalid("eventType", type + " applies to finished goods only");
            }
            return type;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("eventType", "must be one of " + Arrays.toString(EntryType.values()));
        }
    }

    DomainException entryNotFound(String id) {
        return DomainException.notFound(itemName + " ledger entry", id);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
