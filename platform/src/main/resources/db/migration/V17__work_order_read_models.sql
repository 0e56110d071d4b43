-- Read models of work orders, their lines (with the BOM each recorded) and their receipts. Rows of a deleted order
-- (or a removed line) stay, marked deleted, so that its history can still be found; lists and lookups leave them
-- out. Written in the SQL that PostgreSQL and H2 (PostgreSQL mode) both accept.
CREATE TABLE work_order_view (
    sid                    VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_id                 VARCHAR(64)  NOT NULL,
    wo_number              VARCHAR(32)  NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    work_site_location_id  VARCHAR(64)  NOT NULL,
    order_date             DATE,
    expected_delivery_date DATE,
    notes                  VARCHAR(4000),
    draft_at               TIMESTAMP WITH TIME ZONE,
    entered_at             TIMESTAMP WITH TIME ZONE,
    placed_at              TIMESTAMP WITH TIME ZONE,
    production_started_at  TIMESTAMP WITH TIME ZONE,
    in_transit_at          TIMESTAMP WITH TIME ZONE,
    partial_at             TIMESTAMP WITH TIME ZONE,
    received_at            TIMESTAMP WITH TIME ZONE,
    completed_at           TIMESTAMP WITH TIME ZONE,
    cancelled_at           TIMESTAMP WITH TIME ZONE,
    created                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated                TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq               BIGINT       NOT NULL,
    deleted                BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX work_order_view_list ON work_order_view (org_id, created, sid);

CREATE TABLE work_order_item_view (
    sid               VARCHAR(64)     NOT NULL PRIMARY KEY,
    org_id            VARCHAR(64)     NOT NULL,
    work_order_id     VARCHAR(64)     NOT NULL,
    position          INTEGER         NOT NULL,
    sku_id            VARCHAR(64)     NOT NULL,
    quantity          NUMERIC(38, 12) NOT NULL,
    conversion_cost   NUMERIC(38, 12),
    quantity_received NUMERIC(38, 12) NOT NULL DEFAULT 0,
    created           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated           TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq          BIGINT          NOT NULL,
    deleted           BOOLEAN         NOT NULL DEFAULT FALSE
);
CREATE INDEX work_order_item_view_order ON work_order_item_view (work_order_id);
CREATE INDEX work_order_item_view_sku ON work_order_item_view (sku_id);

-- The bill of materials a line recorded, as it was when the line was added or last changed.
CREATE TABLE work_order_item_material (
    item_id           VARCHAR(64)     NOT NULL,
    position          INTEGER         NOT NULL,
    material_id       VARCHAR(64)     NOT NULL,
    quantity_per_unit NUMERIC(38, 12) NOT NULL,
    PRIMARY KEY (item_id, position)
);
CREATE INDEX work_order_item_material_material ON work_order_item_material (material_id);

CREATE TABLE work_order_receipt_view (
    sid           VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_id        VARCHAR(64)  NOT NULL,
    work_order_id VARCHAR(64)  NOT NULL,
    receipt_date  DATE         NOT NULL,
    notes         VARCHAR(4000),
    created       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated       TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted       BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX work_order_receipt_view_list ON work_order_receipt_view (org_id, created, sid);
CREATE INDEX work_order_receipt_view_order ON work_order_receipt_view (work_order_id);

CREATE TABLE work_order_receipt_item_view (
    receipt_id         VARCHAR(64)     NOT NULL,
    work_order_item_id VARCHAR(64)     NOT NULL,
    position           INTEGER         NOT NULL,
    quantity           NUMERIC(38, 12) NOT NULL,
    PRIMARY KEY (receipt_id, position)
);

-- What a work order holds of demand and allocation is summed from the ledger entries it posted.
CREATE INDEX ledger_entry_view_source ON ledger_entry_view (org_id, source_id);
