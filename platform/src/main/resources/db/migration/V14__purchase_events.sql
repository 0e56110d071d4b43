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
