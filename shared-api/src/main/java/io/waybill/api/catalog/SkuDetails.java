package io.waybill.api.catalog;

import java.math.BigDecimal;
import java.util.Map;

/** A SKU; the API shows its code as {@code skuCode} and its type as {@code skuTypeId}. */
public record SkuDetails(String code, String name, String typeId, Integer itemsPerUnit, BigDecimal ozPerItem,
                         String qboId, String notes, Boolean isActive) implements CodedDetails {

    @Override
    public Map<String, Object> shown() {
        return Shown.of("skuCode", code, "name", name, "skuTypeId", typeId, "itemsPerUnit", itemsPerUnit,
                "ozPerItem", ozPerItem, "qboId", qboId, "notes", notes, "isActive", isActive);
    }
}
