package io.waybill.api.catalog;

import java.time.Instant;

/** A material; the API shows its code as {@code materialCode} and its type as {@code materialTypeId}. */
public record MaterialDetails(String code, String name, String typeId, String notes, Boolean isActive)
        implements CodedDetails {

    @Override
    public CatalogAnswer answer(String id, String orgId, Instant createdAt, Instant updatedAt) {
        return new CatalogAnswer.MaterialAnswer(id, orgId, code, name, typeId, notes, isActive, createdAt,
                updatedAt);
    }
}
