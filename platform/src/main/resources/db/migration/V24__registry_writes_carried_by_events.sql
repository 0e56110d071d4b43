-- Each write to the registry is carried by the event it was made for (see CarriedWrites), so the table can be
-- derived from the events, and a write the events do not carry can be found and taken back.
--   version      how many writes the row has had; a write carried by an event applies only over an older one
--   pending      written by a command and not yet seen among the stored events by the registry processor
--   written_at   when a command wrote it (epoch milliseconds)
--   prev_*       the row as it was before that write, to take the write back if no stored event carries it
-- Rows written before this migration get the highest version: no event carries their writes, and none replaces them.
ALTER TABLE entity_registry ADD COLUMN version BIGINT NOT NULL DEFAULT 9223372036854775807;
ALTER TABLE entity_registry ADD COLUMN pending BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE entity_registry ADD COLUMN written_at BIGINT;
ALTER TABLE entity_registry ADD COLUMN prev_version BIGINT;
ALTER TABLE entity_registry ADD COLUMN prev_unique_name VARCHAR(510);
ALTER TABLE entity_registry ADD COLUMN prev_deleted BOOLEAN;
CREATE INDEX entity_registry_pending ON entity_registry (pending, written_at);

