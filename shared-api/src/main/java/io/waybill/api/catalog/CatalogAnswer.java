package io.waybill.api.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A catalog record as the API answers it, one flat record per kind: {@code id, orgId}, the kind's fields (a coded
 * kind's code and type named after the kind: {@code materialCode}, {@code skuTypeId}), then the timestamps.
 */
@Schema(anyOf = {CatalogAnswer.LocationAnswer.class, CatalogAnswer.VendorAnswer.class,
        CatalogAnswer.MaterialTypeAnswer.class, CatalogAnswer.MaterialAnswer.class, CatalogAnswer.SkuTypeAnswer.class,
        CatalogAnswer.SkuAnswer.class})
public interface CatalogAnswer {

    String id();

    record LocationAnswer(String id, String orgId, String name, Integer sortOrder, String address, String city,
                          String state, String country, String zipCode, String notes, Boolean isActive,
                          Instant createdAt, Instant updatedAt) implements CatalogAnswer {
    }

    record VendorAnswer(String id, String orgId, String name, String address, String city, String state,
                        String country, String zipCode, String term, String qboId, String notes, Boolean isActive,
                        Instant createdAt, Instant updatedAt) implements CatalogAnswer {
    }

    record MaterialTypeAnswer(String id, String orgId, String name, Integer sortOrder, Boolean isActive,
                              Instant createdAt, Instant updatedAt) implements CatalogAnswer {
    }

    record MaterialAnswer(String id, String orgId, String materialCode, String name, String materialTypeId,
                          String notes, Boolean isActive, Instant createdAt, Instant updatedAt)
            implements CatalogAnswer {
    }

    record SkuTypeAnswer(String id, String orgId, String name, Integer sortOrder, Boolean isActive,
                         Instant createdAt, Instant updatedAt) implements CatalogAnswer {
    }

    record SkuAnswer(String id, String orgId, String skuCode, String name, String skuTypeId, Integer itemsPerUnit,
                     BigDecimal ozPerItem, String qboId, String notes, Boolean isActive, Instant createdAt,
                     Instant updatedAt) implements CatalogAnswer {
    }
}
