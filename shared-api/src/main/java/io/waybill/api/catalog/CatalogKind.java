package io.waybill.api.catalog;

/** The kinds of catalog record, each with the collection path it is served under and the noun of messages. */
public enum CatalogKind {
    LOCATION("locations", "location", LocationDetails.class),
    VENDOR("vendors", "vendor", VendorDetails.class),
    MATERIAL_TYPE("material-types", "material type", MaterialTypeDetails.class),
    MATERIAL("materials", "material", MaterialDetails.class),
    SKU_TYPE("sku-types", "SKU type", SkuTypeDetails.class),
    SKU("skus", "SKU", SkuDetails.class);

    /** The path variable pattern matching every collection, for request mappings. */
    public static final String PATHS = "locations|vendors|material-types|materials|sku-types|skus";

    private final String path;
    private final String noun;
    private final Class<? extends CatalogDetails> detailsType;

    CatalogKind(String path, String noun, Class<? extends CatalogDetails> detailsType) {
        this.path = path;
        this.noun = noun;
        this.detailsType = detailsType;
    }

    /** The record type of this kind's details; its components are the kind's fields. */
    public Class<? extends CatalogDetails> detailsType() {
        return detailsType;
    }

    public String path() {
        return path;
    }

    public String noun() {
        return noun;
    }

    public static CatalogKind ofPath(String path) {
        for (CatalogKind kind : values()) {
            if (kind.path.equals(path)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no catalog collection " + path);
    }
}
