-- Ids a client chooses (orders, items, lots, purchase and work orders with their lines and receipts, ledger
-- entries) are unique per organisation, not across organisations: two organisations may each have a lot "lot-1".
-- Every read-model row holding such an id is keyed by its organisation first; the rows of a receipt's lines and of
-- a line's BOM, which had no organisation, take their parent's. Indexes that find rows by their parent's id lead
-- with the organisation too. Catalog records and ledgers keep their keys: the server gives out their ids. The same
-- as db/vendor/postgresql but for how a primary key is dropped.

-- Parts get their organisation from their parent while the parent's id still names one row. A part whose parent
-- is gone was never read (every read reaches parts through their parent): it goes.
ALTER TABLE purchase_order_receipt_item_view ADD COLUMN org_id VARCHAR(64);
UPDATE purchase_order_receipt_item_view SET org_id = (SELECT r.org_id FROM purchase_order_receipt_view r
    WHERE r.sid = purchase_order_receipt_item_view.receipt_id);
DELETE FROM purchase_order_receipt_item_view WHERE org_id IS NULL;
ALTER TABLE purchase_order_receipt_item_view ALTER COLUMN org_id SET NOT NULL;

ALTER TABLE work_order_item_material ADD COLUMN org_id VARCHAR(64);
UPDATE work_order_item_material SET org_id = (SELECT i.org_id FROM work_order_item_view i
    WHERE i.sid = work_order_item_material.item_id);
DELETE FROM work_order_item_material WHERE org_id IS NULL;
ALTER TABLE work_order_item_material ALTER COLUMN org_id SET NOT NULL;

ALTER TABLE work_order_receipt_item_view ADD COLUMN org_id VARCHAR(64);
UPDATE work_order_receipt_item_view SET org_id = (SELECT r.org_id FROM work_order_receipt_view r
    WHERE r.sid = work_order_receipt_item_view.receipt_id);
DELETE FROM work_order_receipt_item_view WHERE org_id IS NULL;
ALTER TABLE work_order_receipt_item_view ALTER COLUMN org_id SET NOT NULL;

ALTER TABLE order_view DROP PRIMARY KEY;
ALTER TABLE order_view ADD PRIMARY KEY (org_id, sid);

ALTER TABLE item_view DROP PRIMARY KEY;
ALTER TABLE item_view ADD PRIMARY KEY (org_id, sid);
DROP INDEX item_view_order;
CREATE INDEX item_view_order ON item_view (org_id, order_sid);

ALTER TABLE item_group_view DROP PRIMARY KEY;
ALTER TABLE item_group_view ADD PRIMARY KEY (org_id, sid);
DROP INDEX item_group_view_item;
CREATE INDEX item_group_view_item ON item_group_view (org_id, item_sid);
DROP INDEX item_group_view_order;
CREATE INDEX item_group_view_order ON item_group_view (org_id, order_sid);

ALTER TABLE ledger_entry_view DROP PRIMARY KEY;
ALTER TABLE ledger_entry_view ADD PRIMARY KEY (org_id, id);
ALTER TABLE ledger_balance_delta DROP PRIMARY KEY;
ALTER TABLE ledger_balance_delta ADD PRIMARY KEY (org_id, entry_id, change_no);

ALTER TABLE purchase_order_view DROP PRIMARY KEY;
ALTER TABLE purchase_order_view ADD PRIMARY KEY (org_id, sid);
ALTER TABLE purchase_order_item_view DROP PRIMARY KEY;
ALTER TABLE purchase_order_item_view ADD PRIMARY KEY (org_id, sid);
DROP INDEX purchase_order_item_view_order;
CREATE INDEX purchase_order_item_view_order ON purchase_order_item_view (org_id, purchase_order_id);
ALTER TABLE purchase_order_receipt_view DROP PRIMARY KEY;
ALTER TABLE purchase_order_receipt_view ADD PRIMARY KEY (org_id, sid);
DROP INDEX purchase_order_receipt_view_order;
CREATE INDEX purchase_order_receipt_view_order ON purchase_order_receipt_view (org_id, purchase_order_id);
ALTER TABLE purchase_order_receipt_item_view DROP PRIMARY KEY;
ALTER TABLE purchase_order_receipt_item_view ADD PRIMARY KEY (org_id, receipt_id, purchase_order_item_id);

ALTER TABLE work_order_view DROP PRIMARY KEY;
ALTER TABLE work_order_view ADD PRIMARY KEY (org_id, sid);
ALTER TABLE work_order_item_view DROP PRIMARY KEY;
ALTER TABLE work_order_item_view ADD PRIMARY KEY (org_id, sid);
DROP INDEX work_order_item_view_order;
CREATE INDEX work_order_item_view_order ON work_order_item_view (org_id, work_order_id);
ALTER TABLE work_order_item_material DROP PRIMARY KEY;
ALTER TABLE work_order_item_material ADD PRIMARY KEY (org_id, item_id, position);
ALTER TABLE work_order_receipt_view DROP PRIMARY KEY;
ALTER TABLE work_order_receipt_view ADD PRIMARY KEY (org_id, sid);
DROP INDEX work_order_receipt_view_order;
CREATE INDEX work_order_receipt_view_order ON work_order_receipt_view (org_id, work_order_id);
ALTER TABLE work_order_receipt_item_view DROP PRIMARY KEY;
ALTER TABLE work_order_receipt_item_view ADD PRIMARY KEY (org_id, receipt_id, position);

-- A replay of these projections that was running rebuilt into copies of the tables as they were, which the
-- projections no longer fit: it is cancelled (its copies go when it is started again).
UPDATE projection_rebuild SET status = 'cancelled',
    finished_at = CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)
    WHERE status = 'running'
      AND projection IN ('orders', 'items', 'item-groups', 'inventory', 'purchase-orders', 'work-orders');
