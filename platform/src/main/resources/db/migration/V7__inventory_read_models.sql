-- Read models of the inventory ledger (projection "inventory"). Written in the SQL that PostgreSQL and H2
-- (PostgreSQL mode) both accept.

-- One row per ledger entry, as recorded. reversed_by/completed_by tell what happened to the entry since;
-- recorded_as is the event that recorded it (a transfer's outgoing leg is a StockTransferred).
CREATE TABLE ledger_entry_view (
    id                    VARCHAR(64)     NOT NULL PRIMARY KEY,
    org_id                VARCHAR(64)     NOT NULL,
    code                  VARCHAR(64)     NOT NULL,
    item_kind             VARCHAR(16)     NOT NULL,
    item_id               VARCHAR(64)     NOT NULL,
    location_id           VARCHAR(64)     NOT NULL,
    entry_type            VARCHAR(32)     NOT NULL,
    quantity              NUMERIC(38, 12) NOT NULL,
    unit_cost             NUMERIC(38, 12),
    ref                   VARCHAR(64),
    to_location_id        VARCHAR(64),
    notes                 VARCHAR(4000),
    event_date            DATE            NOT NULL,
    source_type           VARCHAR(64),
    source_id             VARCHAR(64),
    reverses_entry_id     VARCHAR(64),
    reversed_by_entry_id  VARCHAR(64),
    completed_by_entry_id VARCHAR(64),
    recorded_as           VARCHAR(32)     NOT NULL,
    actor                 VARCHAR(255),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Lists are ordered by (event_date, created_at, id) within an organisation and a kind.
CREATE INDEX ledger_entry_view_list ON ledger_entry_view (org_id, item_kind, event_date, created_at, id);
CREATE INDEX ledger_entry_view_item ON ledger_entry_view (org_id, item_id, event_date, created_at, id);
CREATE INDEX ledger_entry_view_ref ON ledger_entry_view (org_id, ref);
CREATE INDEX ledger_entry_view_open ON ledger_entry_view (org_id, recorded_as, completed_by_entry_id,
                                                          reversed_by_entry_id);

-- What each entry did to the balances, dated by the entry's event date: balances as of a date are the sums of
-- the deltas dated on or before it. change_no is the change's place in the entry's list of changes.
CREATE TABLE ledger_balance_delta (
    entry_id    VARCHAR(64)     NOT NULL,
    change_no   INTEGER         NOT NULL,
    org_id      VARCHAR(64)     NOT NULL,
    item_kind   VARCHAR(16)     NOT NULL,
    item_id     VARCHAR(64)     NOT NULL,
    location_id VARCHAR(64)     NOT NULL,
    bucket      VARCHAR(16)     NOT NULL,
    delta       NUMERIC(38, 12) NOT NULL,
    event_date  DATE            NOT NULL,
    PRIMARY KEY (entry_id, change_no)
);
CREATE INDEX ledger_balance_delta_as_of ON ledger_balance_delta (org_id, item_kind, item_id, location_id,
                                                                 event_date);

-- The balances now, per organisation, item and location. Available is on hand less allocated.
CREATE TABLE inventory_balance (
    org_id      VARCHAR(64)     NOT NULL,
    item_kind   VARCHAR(16)     NOT NULL,
    item_id     VARCHAR(64)     NOT NULL,
    location_id VARCHAR(64)     NOT NULL,
    on_hand     NUMERIC(38, 12) NOT NULL DEFAULT 0,
    in_transit  NUMERIC(38, 12) NOT NULL DEFAULT 0,
    on_order    NUMERIC(38, 12) NOT NULL DEFAULT 0,
    demand      NUMERIC(38, 12) NOT NULL DEFAULT 0,
    allocated   NUMERIC(38, 12) NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, item_id, location_id)
);
CREATE INDEX inventory_balance_kind ON inventory_balance (org_id, item_kind, item_id, location_id);

-- The sequence number of the last event applied per ledger: an event seen again changes nothing, and the drift
-- check compares the balances with the events up to this one only.
CREATE TABLE inventory_ledger_progress (
    ledger_id VARCHAR(80) NOT NULL PRIMARY KEY,
    org_id    VARCHAR(64) NOT NULL,
    item_id   VARCHAR(64) NOT NULL,
    last_seq  BIGINT      NOT NULL
);
CREATE INDEX inventory_ledger_progress_org ON inventory_ledger_progress (org_id, item_id);
