-- Command-side records for the catalog and the inventory ledger, written in the transaction that stores the
-- events they follow from.

-- Which record uses which: a material its type, a BOM its materials, a ledger its item and locations. A record
-- that something uses cannot be deleted (in_use).
CREATE TABLE catalog_reference (
    target_id   VARCHAR(64) NOT NULL,
    referrer_id VARCHAR(64) NOT NULL,
    org_id      VARCHAR(64) NOT NULL,
    PRIMARY KEY (target_id, referrer_id)
);
CREATE INDEX catalog_reference_referrer ON catalog_reference (referrer_id);

-- Every ledger entry id, with the ledger (item) it belongs to, and the reference of each transfer, unique per
-- organisation: entry ids are idempotency keys across all ledgers, and a transfer is completed by its ref.
CREATE TABLE ledger_entry_index (
    entry_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    org_id       VARCHAR(64) NOT NULL,
    item_id      VARCHAR(64) NOT NULL,
    transfer_ref VARCHAR(64)
);
CREATE UNIQUE INDEX ledger_entry_index_transfer_ref ON ledger_entry_index (org_id, transfer_ref);

-- The last ledger entry code number given out per organisation: codes are sequential without gaps, because the
-- counter moves in the transaction that records the entry.
CREATE TABLE ledger_code_counter (
    org_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    last_value BIGINT      NOT NULL
);
