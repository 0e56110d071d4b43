-- Catalog references are written the same way as the registry (see CarriedWrites): a use that ends is marked
-- released instead of deleted, so that each use of a record by a referrer keeps one row whose version counts its
-- writes, and a write no stored event carries can be taken back (prev_*: the row before that write).
-- Rows written before this migration get the highest version: no event carries their writes.
ALTER TABLE catalog_reference ADD COLUMN released BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE catalog_reference ADD COLUMN version BIGINT NOT NULL DEFAULT 9223372036854775807;
ALTER TABLE catalog_reference ADD COLUMN pending BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE catalog_reference ADD COLUMN written_at BIGINT;
ALTER TABLE catalog_reference ADD COLUMN prev_version BIGINT;
ALTER TABLE catalog_reference ADD COLUMN prev_released BOOLEAN;
CREATE INDEX catalog_reference_pending ON catalog_reference (pending, written_at);
