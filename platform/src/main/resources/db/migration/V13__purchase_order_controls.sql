-- The controls of a purchase order (approved, sent, locked, archived, voided, closed): when, and by whom. A lock or an
-- archive that was lifted has neither. One column per statement: the SQL that PostgreSQL and H2 both accept.
ALTER TABLE purchase_order_view ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE purchase_order_view ADD COLUMN approved_by VARCHAR(64);
ALTER TABLE purchase_order_view ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE purchase_order_view ADD COLUMN sent_by VARCHAR(64);
ALTER TABLE purchase_order_view ADD COLUMN locked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE purchase_order_view ADD COLUMN locked_by VARCHAR(64);
ALTER TABLE purchase_order_view ADD COLUMN archived_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE purchase_order_view ADD COLUMN archived_by VARCHAR(64);
ALTER TABLE purchase_order_view ADD COLUMN voided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE purchase_order_view ADD COLUMN voided_by VARCHAR(64);
ALTER TABLE purchase_order_view ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE purchase_order_view ADD COLUMN closed_by VARCHAR(64);
