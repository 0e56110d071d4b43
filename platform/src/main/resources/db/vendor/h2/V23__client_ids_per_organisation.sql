-- Ids a client chooses (orders, items, item groups, purchase and work orders with their lines, receipts and
-- purchase events, ledger entries) are unique within an organisation, not across organisations: two organisations
-- may each have a lot-1. The command side's registry and ledger index are keyed by organisation and id, and the
-- event-store stream of an order, item group, purchase order or work order is named <orgId>:<id> (RecordStreams).
-- Streams written before are renamed here; every event names its organisation in its metadata.

-- H2 reads no JSON from bytes: the registry names each record's organisation (every create registers).
CREATE TABLE stream_rename AS
    SELECT r.id AS old_id, t.aggregate_type AS type, r.org_id || ':' || r.id AS new_id
    FROM entity_registry r JOIN (VALUES ('ORDER', 'Order'), ('ITEM_GROUP', 'ItemGroup'),
            ('PURCHASE_ORDER', 'PurchaseOrder'), ('WORK_ORDER', 'WorkOrder')) AS t (kind, aggregate_type)
        ON r.kind = t.kind;
UPDATE domainevententry SET aggregateidentifier = (SELECT s.new_id FROM stream_rename s
        WHERE s.old_id = domainevententry.aggregateidentifier AND s.type = domainevententry.type)
    WHERE EXISTS (SELECT 1 FROM stream_rename s
        WHERE s.old_id = domainevententry.aggregateidentifier AND s.type = domainevententry.type);
UPDATE deadletterentry SET
        sequenceidentifier = CASE WHEN sequenceidentifier = aggregateidentifier THEN (SELECT s.new_id
            FROM stream_rename s WHERE s.old_id = deadletterentry.aggregateidentifier AND s.type = deadletterentry.type)
            ELSE sequenceidentifier END,
        aggregateidentifier = (SELECT s.new_id FROM stream_rename s
            WHERE s.old_id = deadletterentry.aggregateidentifier AND s.type = deadletterentry.type)
    WHERE EXISTS (SELECT 1 FROM stream_rename s
        WHERE s.old_id = deadletterentry.aggregateidentifier AND s.type = deadletterentry.type);
DROP TABLE stream_rename;

ALTER TABLE entity_registry DROP PRIMARY KEY;
ALTER TABLE entity_registry ADD PRIMARY KEY (org_id, id);
ALTER TABLE ledger_entry_index DROP PRIMARY KEY;
ALTER TABLE ledger_entry_index ADD PRIMARY KEY (org_id, entry_id);
DROP INDEX catalog_reference_referrer;
CREATE INDEX catalog_reference_referrer ON catalog_reference (org_id, referrer_id);
