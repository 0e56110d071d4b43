-- The ledger's entry index is written the same way; its rows never change, so a pending one is only confirmed or
-- removed.
ALTER TABLE ledger_entry_index ADD COLUMN pending BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE ledger_entry_index ADD COLUMN written_at BIGINT;
CREATE INDEX ledger_entry_index_pending ON ledger_entry_index (pending, written_at);
