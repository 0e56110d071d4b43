-- The event store and the registry grow with every create, and each is analyzed again after every tenth of its rows
-- has changed (by autovacuum, or by TableStatistics where autovacuum is off). An analysis at the default target
-- samples 30,000 rows and took 250 ms of PostgreSQL's CPU on 19,000 events, most of it on columns no query filters
-- or sorts by. Their plans need only rough figures (every lookup goes by a key or a unique index; the registry's
-- organisations must merely not look like one row each), so a target of 10 (a sample of 3,000 rows) serves them,
-- and the payloads and metadata are not sampled at all (docs/design.md, "Performance").
ALTER TABLE domainevententry
    ALTER COLUMN globalindex SET STATISTICS 10,
    ALTER COLUMN aggregateidentifier SET STATISTICS 10,
    ALTER COLUMN sequencenumber SET STATISTICS 10,
    ALTER COLUMN type SET STATISTICS 10,
    ALTER COLUMN eventidentifier SET STATISTICS 10,
    ALTER COLUMN payloadrevision SET STATISTICS 10,
    ALTER COLUMN payloadtype SET STATISTICS 10,
    ALTER COLUMN timestamp SET STATISTICS 10,
    ALTER COLUMN metadata SET STATISTICS 0,
    ALTER COLUMN payload SET STATISTICS 0;

ALTER TABLE entity_registry
    ALTER COLUMN org_id SET STATISTICS 10,
    ALTER COLUMN id SET STATISTICS 10,
    ALTER COLUMN kind SET STATISTICS 10,
    ALTER COLUMN parent_id SET STATISTICS 10,
    ALTER COLUMN unique_name SET STATISTICS 10,
    ALTER COLUMN deleted SET STATISTICS 10,
    ALTER COLUMN version SET STATISTICS 10,
    ALTER COLUMN pending SET STATISTICS 10,
    ALTER COLUMN written_at SET STATISTICS 10,
    ALTER COLUMN prev_version SET STATISTICS 10,
    ALTER COLUMN prev_unique_name SET STATISTICS 10,
    ALTER COLUMN prev_deleted SET STATISTICS 10;
