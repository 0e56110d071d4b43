-- Read models of purchase orders, their lines and their receipts. Rows of a deleted order (or a removed line) stay, marked
-- deleted, so that its history can still be found; lists and lookups leave them out.
CREATE TABLE purchase_order_view (
    sid                    VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_id                 VARCHAR(64)  NOT NULL,
    po_number              VARCHAR(32)  NOT NULL,
    vendor_id              VARCHAR(64)  NOT NULL,
    target_type            VARCHAR(16)  NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    ship_to_location_id    VARCHAR(64),
    planning_at            TIMESTAMP WITH TIME ZONE,
    placed_at              TIMESTAMP WITH TIME ZONE,
    ship_date              DATE,
    in_transit_at          TIMESTAMP WITH TIME ZONE,
    partial_at             TIMESTAMP WITH TIME ZONE,
    expected_delivery_date DATE,
    received_at            TIMESTAMP WITH TIME ZONE,
    paid_at                TIMESTAMP WITH TIME ZONE,
    cancelled_at           TIMESTAMP WITH TIME ZONE,
    shipping_costs         NUMERIC(38, 12),
    setup_costs            NUMERIC(38, 12),
    other_costs            NUMERIC(38, 12),
    notes                  VARCHAR(4000),
    created                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated                TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq               BIGINT       NOT NULL,
    deleted                BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX purchase_order_view_list ON purchase_order_view (org_id, created, sid);

CREATE TABLE purchase_order_item_view (
    sid               VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_id            VARCHAR(64)  NOT NULL,
    purchase_order_id VARCHAR(64)  NOT NULL,
    item_id           VARCHAR(64)  NOT NULL,
    target_type       VARCHAR(16)  NOT NULL,
    quantity          NUMERIC(38, 12) NOT NULL,
    unit_cost         NUMERIC(38, 12),
    quantity_received NUMERIC(38, 12) NOT NULL DEFAULT 0,
    created           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated           TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq          BIGINT       NOT NULL,
    deleted           BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX purchase_order_item_view_list ON purchase_order_item_view (org_id, created, sid);
CREATE INDEX purchase_order_item_view_order ON purchase_order_item_view (purchase_order_id);
CREATE INDEX purchase_order_item_view_item ON purchase_order_item_view (item_id);

CREATE TABLE purchase_order_receipt_view (
    sid                VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_id             VARCHAR(64)  NOT NULL,
    purchase_order_id  VARCHAR(64)  NOT NULL,
    receipt_date       DATE         NOT NULL,
    notes              VARCHAR(4000),
    allow_over_receipt BOOLEAN      NOT NULL,
    created            TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted            BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX purchase_order_receipt_view_list ON purchase_order_receipt_view (org_id, created, sid);
CREATE INDEX purchase_order_receipt_view_order ON purchase_order_receipt_view (purchase_order_id);

CREATE TABLE purchase_order_receipt_item_view (
    receipt_id             VARCHAR(64)     NOT NULL,
    purchase_order_item_id VARCHAR(64)     NOT NULL,
    position               INTEGER         NOT NULL,
    quantity               NUMERIC(38, 12) NOT NULL,
    PRIMARY KEY (receipt_id, purchase_order_item_id)
);
