package io.waybill.api.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** A SKU; the API shows its code as {@code skuCode} and its type as {@code skuTypeId}. */
public record SkuDetails(String code, String name, String typeId, Integer itemsPerUnit, BigDecimal ozPerItem,
                         String qboId, String notes, Boolean isActive) implements CodedDetails {

    @Override
    public CatalogAnswer answer(String id, String orgId, Instant createdAt, Instant updatedAt) {
        return new CatalogAnswer.SkuAnswer(id, orgId, code, name, typeId, itemsPerUnit, ozPerItem, qboId, notes,
                isActive, createdAt, updatedAt);
    }
}
