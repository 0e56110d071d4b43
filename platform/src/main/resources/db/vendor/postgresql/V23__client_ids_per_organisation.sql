-- Ids a client chooses (orders, items, item groups, purchase and work orders with their lines, receipts and
-- purchase events, ledger entries) are unique within an organisation, not across organisations: two organisations
-- may each have a lot-1. The command side's registry and ledger index are keyed by organisation and id, and the
-- event-store stream of an order, item group, purchase order or work order is named <orgId>:<id> (RecordStreams).
-- Streams written before are renamed here; every event names its organisation in its metadata.

UPDATE domainevententry SET aggregateidentifier =
        (convert_from(metadata, 'UTF8')::jsonb ->> 'orgId') || ':' || aggregateidentifier
    WHERE type IN ('Order', 'ItemGroup', 'PurchaseOrder', 'WorkOrder') AND aggregateidentifier NOT LIKE '%:%'
        AND convert_from(metadata, 'UTF8')::jsonb ->> 'orgId' IS NOT NULL;
UPDATE deadletterentry SET
        sequenceidentifier = CASE WHEN sequenceidentifier = aggregateidentifier
            THEN (convert_from(metadata, 'UTF8')::jsonb ->> 'orgId') || ':' || aggregateidentifier
            ELSE sequenceidentifier END,
        aggregateidentifier = (convert_from(metadata, 'UTF8')::jsonb ->> 'orgId') || ':' || aggregateidentifier
    WHERE type IN ('Order', 'ItemGroup', 'PurchaseOrder', 'WorkOrder') AND aggregateidentifier NOT LIKE '%:%'
        AND convert_from(metadata, 'UTF8')::jsonb ->> 'orgId' IS NOT NULL;

ALTER TABLE entity_registry DROP CONSTRAINT entity_registry_pkey;
ALTER TABLE entity_registry ADD PRIMARY KEY (org_id, id);
ALTER TABLE ledger_entry_index DROP CONSTRAINT ledger_entry_index_pkey;
ALTER TABLE ledger_entry_index ADD PRIMARY KEY (org_id, entry_id);
DROP INDEX catalog_reference_referrer;
CREATE INDEX catalog_reference_referrer ON catalog_reference (org_id, referrer_id);
