-- Read models of the catalog. One table for every kind of record: the kinds share most columns and are listed
-- the same way; a kind leaves the columns of other kinds null. Column names are the snake_case names of the
-- kind's fields. Rows of deleted records stay, marked deleted; lists and lookups leave them out.
CREATE TABLE catalog_view (
    sid            VARCHAR(64)   NOT NULL PRIMARY KEY,
    org_id         VARCHAR(64)   NOT NULL,
    kind           VARCHAR(32)   NOT NULL,
    code           VARCHAR(100),
    name           VARCHAR(255),
    type_id        VARCHAR(64),
    address        VARCHAR(4000),
    city           VARCHAR(255),
    state          VARCHAR(255),
    country        VARCHAR(2),
    zip_code       VARCHAR(255),
    term           VARCHAR(255),
    qbo_id         VARCHAR(255),
    notes          VARCHAR(4000),
    sort_order     INTEGER,
    is_active      BOOLEAN,
    items_per_unit INTEGER,
    oz_per_item    NUMERIC(38, 12),
    has_bom        BOOLEAN       NOT NULL DEFAULT FALSE,
    created        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq       BIGINT        NOT NULL,
    deleted        BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX catalog_view_list ON catalog_view (org_id, kind, created, sid);
CREATE INDEX catalog_view_type ON catalog_view (type_id);

-- The lines of each SKU's bill of materials, in the order given.
CREATE TABLE bom_component_view (
    sku_id            VARCHAR(64)     NOT NULL,
    material_id       VARCHAR(64)     NOT NULL,
    org_id            VARCHAR(64)     NOT NULL,
    quantity_per_unit NUMERIC(38, 12) NOT NULL,
    position          INTEGER         NOT NULL,
    PRIMARY KEY (sku_id, material_id)
);
