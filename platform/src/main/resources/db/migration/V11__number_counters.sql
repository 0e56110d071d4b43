-- The numbers the command side gives out per organisation, one row per series (LE: ledger entry codes, PO:
-- purchase orders): sequential without gaps, because a counter moves in the transaction that stores the event
-- carrying the number. Replaces ledger_code_counter, whose values carry over as the series LE.
CREATE TABLE number_counter (
    org_id     VARCHAR(64) NOT NULL,
    series     VARCHAR(16) NOT NULL,
    last_value BIGINT      NOT NULL,
    PRIMARY KEY (org_id, series)
);
INSERT INTO number_counter (org_id, series, last_value) SELECT org_id, 'LE', last_value FROM ledger_code_counter;
DROP TABLE ledger_code_counter;
