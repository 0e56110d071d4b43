-- The read models grow with every create as the event store does (V28), and are analyzed as often: after every
-- tenth of their rows has changed (by autovacuum, or by TableStatistics where autovacuum is off). At the default
-- target an analysis samples 30,000 rows: on 155,000 orders `ANALYZE order_view` took 72 to 150 ms with nothing
-- else running and up to 200 ms under load, 12.5 ms at a target of 10 (docs/design.md, "Performance"). Their
-- lookups go by keys and indexes that start with the organisation, and their plans need only rough figures, so
-- every column of every table not set by V28 gets a target of 10 (a sample of 3,000 rows). A column added by a
-- later migration starts at the default.
DO $$
DECLARE
    col record;
BEGIN
    FOR col IN
        SELECT c.relname, a.attname
        FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND c.relname NOT IN ('domainevententry', 'entity_registry', 'flyway_schema_history')
    LOOP
        EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET STATISTICS 10', col.relname, col.attname);
    END LOOP;
END
$$;
