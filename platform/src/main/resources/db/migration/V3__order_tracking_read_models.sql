-- Read models of order tracking. Rows of deleted resources stay, marked deleted, so that their histories can
-- still be found; lists and lookups leave them out.
CREATE TABLE order_view (
    sid             VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_id          VARCHAR(64)  NOT NULL,
    unique_name     VARCHAR(255),
    vendor_sid      VARCHAR(255),
    vendor_name     VARCHAR(255),
    title           VARCHAR(1000),
    event_relations VARCHAR(4000) NOT NULL,
    created         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq        BIGINT       NOT NULL,
    deleted         BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX order_view_list ON order_view (org_id, created, sid);
CREATE INDEX order_view_unique_name ON order_view (org_id, unique_name);

CREATE TABLE item_view (
    sid                      VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_id                   VARCHAR(64)  NOT NULL,
    order_sid                VARCHAR(64)  NOT NULL,
    unique_name              VARCHAR(255),
    title                    VARCHAR(1000),
    status                   VARCHAR(16)  NOT NULL,
    quantity                 NUMERIC(38, 12) NOT NULL,
    price_per_unit           NUMERIC(38, 12),
    non_recurring_cost       NUMERIC(38, 12),
    lead_time                INTEGER,
    ship_time                INTEGER,
    line_number              INTEGER,
    description              VARCHAR(4000),
    manufacturer_part_number VARCHAR(255),
    revision                 VARCHAR(255),
    event_relations          VARCHAR(4000) NOT NULL,
    created                  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated                  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq                 BIGINT       NOT NULL,
    deleted                  BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX item_view_list ON item_view (org_id, created, sid);
CREATE INDEX item_view_order ON item_view (order_sid);

CREATE TABLE item_group_view (
    sid                    VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_id                 VARCHAR(64)  NOT NULL,
    order_sid              VARCHAR(64)  NOT NULL,
    item_sid               VARCHAR(64)  NOT NULL,
    unique_name            VARCHAR(255),
    quantity               NUMERIC(38, 12) NOT NULL,
    due_date               DATE,
    ship_date              DATE,
    delivery_date          DATE,
    shipped                BOOLEAN      NOT NULL,
    delivered              BOOLEAN      NOT NULL,
    tracking_number        VARCHAR(255),
    last_update_date       TIMESTAMP WITH TIME ZONE,
    estimated_arrival_date DATE,
    status                 VARCHAR(16)  NOT NULL,
    event_relations        VARCHAR(4000) NOT NULL,
    version                BIGINT       NOT NULL,
    created                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated                TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted                BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX item_group_view_list ON item_group_view (org_id, created, sid);
CREATE INDEX item_group_view_item ON item_group_view (item_sid);
CREATE INDEX item_group_view_order ON item_group_view (order_sid);
