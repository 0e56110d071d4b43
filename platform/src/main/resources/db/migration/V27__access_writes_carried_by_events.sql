-- The access tables (but the users, who are a directory of personal data) are derived from the events like the
-- other side tables (see CarriedWrites, CarriedTable): each write rides in its command's first event as the row it
-- left, and a write no stored event carries is taken back.
--   version      how many writes the row has had; a write carried by an event applies only over an older one
--   pending      written by a command and not yet seen among the stored events by the side-tables processor
--   written_at   when a command wrote it (epoch milliseconds)
--   prev_row     the row as it was before that write (JSON), to take the write back if no stored event carries it
-- A member who leaves keeps a row without a role, so that the row's version keeps counting its writes.
-- Rows written before this migration get the highest version: no event carries their writes, and none replaces them.
ALTER TABLE access_organisation ADD COLUMN version BIGINT NOT NULL DEFAULT 9223372036854775807;
ALTER TABLE access_organisation ADD COLUMN pending BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE access_organisation ADD COLUMN written_at BIGINT;
ALTER TABLE access_organisation ADD COLUMN prev_row VARCHAR;
CREATE INDEX access_organisation_pending ON access_organisation (pending, written_at);
ALTER TABLE access_membership ALTER COLUMN role DROP NOT NULL;
ALTER TABLE access_membership ADD COLUMN version BIGINT NOT NULL DEFAULT 9223372036854775807;
ALTER TABLE access_membership ADD COLUMN pending BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE access_membership ADD COLUMN written_at BIGINT;
ALTER TABLE access_membership ADD COLUMN prev_row VARCHAR;
CREATE INDEX access_membership_pending ON access_membership (pending, written_at);
ALTER TABLE access_token ADD COLUMN version BIGINT NOT NULL DEFAULT 9223372036854775807;
ALTER TABLE access_token ADD COLUMN pending BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE access_token ADD COLUMN written_at BIGINT;
ALTER TABLE access_token ADD COLUMN prev_row VARCHAR;
CREATE INDEX access_token_pending ON access_token (pending, written_at);
