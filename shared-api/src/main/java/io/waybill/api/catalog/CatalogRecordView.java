package io.waybill.api.catalog;

import java.time.Instant;

/** A catalog record as both sides answer it. */
public record CatalogRecordView(String id, String orgId, CatalogDetails details, Instant createdAt,
                                Instant updatedAt) {

    /** The record as the API answers it: {@code id, orgId}, the kind's fields, then the timestamps. */
    public CatalogAnswer answer() {
        return details.answer(id, orgId, createdAt, updatedAt);
    }
}
