package io.waybill.api.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * The fields of a catalog record that a caller sets, one record type per kind. Component names are the request's
 * field names, so a partial update names the fields it changes or clears the same way. In a command that patches
 * a record, null components are the fields left as they are. Stored in events: the type names are history.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LocationDetails.class, name = "location"),
        @JsonSubTypes.Type(value = VendorDetails.class, name = "vendor"),
        @JsonSubTypes.Type(value = MaterialTypeDetails.class, name = "materialType"),
        @JsonSubTypes.Type(value = MaterialDetails.class, name = "material"),
        @JsonSubTypes.Type(value = SkuTypeDetails.class, name = "skuType"),
        @JsonSubTypes.Type(value = SkuDetails.class, name = "sku")})
public sealed interface CatalogDetails
        permits LocationDetails, VendorDetails, MaterialTypeDetails, SkuTypeDetails, CodedDetails {

    String name();

    default CatalogKind kind() {
        for (CatalogKind kind : CatalogKind.values()) {
            if (kind.detailsType() == getClass()) {
                return kind;
            }
        }
        throw new IllegalStateException("no catalog kind for " + getClass().getSimpleName());
    }

    /** The field that is unique per organisation and kind: {@code code} where there is one, else {@code name}. */
    default String uniqueField() {
        return this instanceof CodedDetails ? "code" : "name";
    }

    default String uniqueValue() {
        return this instanceof CodedDetails coded ? coded.code() : name();
    }

    /** The type record this one must belong to, or null for kinds without one. */
    default String typeId() {
        return null;
    }

    /** The record as the API answers it, with these fields. */
    CatalogAnswer answer(String id, String orgId, Instant createdAt, Instant updatedAt);
}
