-- The organisation's setting that its purchase orders be approved before they are placed; off for every
-- organisation until an admin turns it on.
ALTER TABLE access_organisation ADD COLUMN require_po_approval BOOLEAN NOT NULL DEFAULT FALSE;
