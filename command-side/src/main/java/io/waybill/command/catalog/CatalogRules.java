package io.waybill.command.catalog;

import io.waybill.api.DomainException;
import io.waybill.api.ErrorCode;
import io.waybill.api.catalog.BomLine;
import io.waybill.api.catalog.CatalogDetails;
import io.waybill.api.catalog.CatalogKind;
import io.waybill.api.catalog.CodedDetails;
import io.waybill.api.catalog.LocationDetails;
import io.waybill.api.catalog.MaterialDetails;
import io.waybill.api.catalog.MaterialTypeDetails;
import io.waybill.api.catalog.SkuDetails;
import io.waybill.api.catalog.SkuTypeDetails;
import io.waybill.api.catalog.VendorDetails;
import io.waybill.command.registry.CatalogReferences;
import io.waybill.command.registry.Kind;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The catalog's rules that do not depend on a record's state. */
final class CatalogRules {

    private CatalogRules() {
    }

    /** What a new record holds for the fields its creator left out. */
    static CatalogDetails defaults(CatalogKind kind) {
        return switch (kind) {
            case LOCATION -> new LocationDetails(null, null, null, null, null, null, null, 0, true);
            case VENDOR -> new VendorDetails(null, null, null, null, null, null, null, null, null, true);
            case MATERIAL_TYPE -> new MaterialTypeDetails(null, 0, true);
            case MATERIAL -> new MaterialDetails(null, null, null, null, true);
            case SKU_TYPE -> new SkuTypeDetails(null, 0, true);
            case SKU -> new SkuDetails(null, null, null, 1, null, null, null, true);
        };
    }

    static void requireComplete(CatalogDetails details) {
        if (details.uniqueValue() == null) {
            throw DomainException.invalid(details.uniqueField(), "is required");
        }
        if (details instanceof CodedDetails && details.typeId() == null) {
            throw DomainException.invalid("typeId", "is required");
        }
        if (details instanceof SkuDetails sku && (sku.itemsPerUnit() == null || sku.itemsPerUnit() < 1)) {
            throw DomainException.invalid("itemsPerUnit", "must be at least 1");
        }
    }

    /** Records that {@code referrer} uses its type; a type that is not live in the organisation is invalid. */
    static void useType(CatalogReferences references, String orgId, CatalogDetails details, String referrer) {
        Kind typeKind = CatalogKinds.of(details.kind() == CatalogKind.MATERIAL ? CatalogKind.MATERIAL_TYPE
                : CatalogKind.SKU_TYPE);
        useLive(references, orgId, typeKind, details.typeId(), referrer, "typeId");
    }

    static void useLive(CatalogReferences references, String orgId, Kind kind, String targetId, String referrer,
                        String field) {
        try {
            references.use(orgId, kind, targetId, referrer);
        } catch (DomainException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
            throw DomainException.invalid(field, "no " + kind.noun() + " " + targetId);
        }
    }

    /** At least one line, each quantity above zero, each material once. */
    static void requireComposition(List<BomLine> items) {
        if (items.isEmpty()) {
            throw DomainException.invalid("items", "must hold at least one material");
        }
        Set<String> seen = new HashSet<>();
        for (BomLine line : items) {
            if (line.materialId() == null || line.quantityPerUnit() == null || line.quantityPerUnit().signum() <= 0) {
                throw DomainException.invalid("items", "each needs a materialId and a quantityPerUnit above zero");
            }
            if (!seen.add(line.materialId())) {
                throw DomainException.invalid("items", "material " + line.materialId() + " is listed twice");
            }
        }
    }

    /** What a SKU's bill of materials is called where it uses its materials. */
    static String bomReferrer(String skuId) {
        return "bom-" + skuId;
    }

    /**
     * Checks a new composition and moves the uses of the SKU's bill of materials to it. The new composition's
     * materials are used before the old one's are released, so a material in both stays held throughout.
     */
    static void useComposition(CatalogReferences references, String orgId, String skuId, List<BomLine> previous,
                               List<BomLine> items) {
        requireComposition(items);
        for (BomLine line : items) {
            useLive(references, orgId, CatalogKinds.of(CatalogKind.MATERIAL), line.materialId(), bomReferrer(skuId), "items");
        }
        Set<String> kept = Set.copyOf(items.stream().map(BomLine::materialId).toList());
        if (previous != null) {
            previous.stream().map(BomLine::materialId).filter(m -> !kept.contains(m))
                    .forEach(m -> references.release(m, bomReferrer(skuId)));
        }
    }
}
