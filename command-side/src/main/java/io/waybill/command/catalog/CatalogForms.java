package io.waybill.command.catalog;

import io.waybill.api.catalog.CatalogDetails;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.catalog.CreateCatalogRecord;
import io.waybill.api.catalog.LocationDetails;
import io.waybill.api.catalog.MaterialDetails;
import io.waybill.api.catalog.MaterialTypeDetails;
import io.waybill.api.catalog.SkuDetails;
import io.waybill.api.catalog.SkuTypeDetails;
import io.waybill.api.catalog.UpdateCatalogRecord;
import io.waybill.api.catalog.VendorDetails;
import io.waybill.platform.web.JsonBody;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads catalog request bodies, per kind, with the seed's lengths. The accepted fields are the components of the
 * kind's details record, so the API and the stored details cannot drift apart.
 */
final class CatalogForms {

    private static final int TEXT = 4000;
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    /** Fields a partial update may not remove: the required ones and those with a default. */
    private static final Set<String> NOT_CLEARABLE = Set.of("name", "code", "typeId", "sortOrder", "isActive",
            "itemsPerUnit");

    private CatalogForms() {
    }

    static CreateCatalogRecord create(CatalogKind kind, JsonNode json, String orgId) {
        JsonBody body = JsonBody.of(json, fields(kind));
        CatalogDetails details = read(kind, body);
        for (String field : required(kind)) {
            if (!body.has(field) || body.isNull(field)) {
                body.reject(field, "is required");
            }
        }
        body.validate();
        return new CreateCatalogRecord(UUID.randomUUID().toString(), orgId, details);
    }

    static UpdateCatalogRecord update(CatalogKind kind, String id, JsonNode json, String orgId) {
        Set<String> fields = fields(kind);
        JsonBody body = JsonBody.of(json, fields);
        CatalogDetails patch = read(kind, body);
        Set<String> cleared = new HashSet<>();
        for (String field : fields) {
            if (body.isNull(field) && NOT_CLEARABLE.contains(field)) {
                body.reject(field, "must not be null");
            } else if (body.isNull(field)) {
                cleared.add(field);
            }
        }
        body.validate();
        return new UpdateCatalogRecord(id, orgId, patch, cleared);
    }

    private static Set<String> fields(CatalogKind kind) {
        return Set.copyOf(Arrays.stream(kind.detailsType().getRecordComponents()).map(c -> c.getName()).toList());
    }

    private static Set<String> required(CatalogKind kind) {
        return kind == CatalogKind.MATERIAL || kind == CatalogKind.SKU ? Set.of("code", "name", "typeId")
                : Set.of("name");
    }

    /** The given fields; absent and null ones are null (the caller tells them apart). */
    private static CatalogDetails read(CatalogKind kind, JsonBody b) {
        return switch (kind) {
            case LOCATION -> new LocationDetails(b.string("name", 100), b.string("address", TEXT),
                    b.string("city", 150), b.string("state", 100), country(b), b.string("zipCode", 20),
                    b.string("notes", TEXT), b.integer("sortOrder", 0, Integer.MAX_VALUE), b.bool("isActive"));
            case VENDOR -> new VendorDetails(b.name("name"), b.string("address", TEXT),
                    b.name("city"), b.name("state"), country(b), b.name("zipCode"), b.name("term"), b.name("qboId"),
                    b.string("notes", TEXT), b.bool("isActive"));
            case MATERIAL_TYPE -> new MaterialTypeDetails(b.string("name", 100), sortOrder(b), b.bool("isActive"));
            case SKU_TYPE -> new SkuTypeDetails(b.string("name", 100), sortOrder(b), b.bool("isActive"));
            case MATERIAL -> new MaterialDetails(b.string("code", 100), b.name("name"), b.sid("typeId"),
                    b.string("notes", TEXT), b.bool("isActive"));
            case SKU -> new SkuDetails(b.string("code", 100), b.name("name"), b.sid("typeId"),
                    b.integer("itemsPerUnit", 1, Integer.MAX_VALUE), b.decimal("ozPerItem", false),
                    b.name("qboId"), b.string("notes", TEXT), b.bool("isActive"));
        };
    }

    private static Integer sortOrder(JsonBody b) {
        return b.integer("sortOrder", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** An ISO 3166 alpha-2 code, kept upper case. */
    private static String country(JsonBody b) {
        String country = b.string("country", 2);
        if (country != null && !COUNTRY.matcher(country).matches()) {
            b.reject("country", "must be 2 letters");
            return null;
        }
        return country == null ? null : country.toUpperCase(Locale.ROOT);
    }
}
