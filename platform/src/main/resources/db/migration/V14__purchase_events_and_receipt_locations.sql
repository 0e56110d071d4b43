-- What purchase events said of a purchase order's lines (shipped, invoiced, canceled; expected dates, tracking,
-- snooze) and of the order (invoiced and paid amounts). Existing rows start with nothing said: no purchase event
-- existed before these columns. One column per statement: the SQL that PostgreSQL and H2 both accept.
ALTER TABLE purchase_order_item_view ADD COLUMN quantity_shipped NUMERIC(38, 12) NOT NULL DEFAULT 0;
ALTER TABLE purchase_order_item_view ADD COLUMN quantity_invoiced NUMERIC(38, 12) NOT NULL DEFAULT 0;
ALTER TABLE purchase_order_item_view ADD COLUMN quantity_canceled NUMERIC(38, 12) NOT NULL DEFAULT 0;
ALTER TABLE purchase_order_item_view ADD COLUMN expected_delivery DATE;
ALTER TABLE purchase_order_item_view ADD COLUMN expected_ship_by DATE;
ALTER TABLE purchase_order_item_view ADD COLUMN tracking_number VARCHAR(200);
ALTER TABLE purchase_order_item_view ADD COLUMN carrier VARCHAR(200);
ALTER TABLE purchase_order_item_view ADD COLUMN snoozed_until DATE;
ALTER TABLE purchase_order_view ADD COLUMN amount_invoiced NUMERIC(38, 12) NOT NULL DEFAULT 0;
ALTER TABLE purchase_order_view ADD COLUMN amount_paid NUMERIC(38, 12) NOT NULL DEFAULT 0;
-- Where a receipt took stock in: the order's ship-to location for every receipt before receipts could name another.
ALTER TABLE purchase_order_receipt_view ADD COLUMN location_id VARCHAR(64);
UPDATE purchase_order_receipt_view SET location_id = (SELECT p.ship_to_location_id FROM purchase_order_view p
    WHERE p.sid = purchase_order_receipt_view.purchase_order_id);
