-- The command side's own record of which ids exist, in which organisation, under which parent, and with which
-- unique name. Written in the same transaction as the events, it enforces set rules that no single aggregate
-- can see (unique names per organisation, ids unique across kinds) and resolves unique names to ids.
CREATE TABLE entity_registry (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    org_id      VARCHAR(64)  NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    parent_id   VARCHAR(64)  NOT NULL,
    unique_name VARCHAR(255),
    deleted     BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE UNIQUE INDEX entity_registry_unique_name ON entity_registry (org_id, kind, parent_id, unique_name);
CREATE INDEX entity_registry_parent ON entity_registry (org_id, parent_id);
