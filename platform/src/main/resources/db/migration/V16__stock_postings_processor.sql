-- The process that posts purchase orders' entries to the inventory ledger now posts work orders' too, under the name
-- stock-postings: it keeps its position (and any dead letters) under the new name, so nothing is posted again.
UPDATE tokenentry SET processorname = 'stock-postings' WHERE processorname = 'purchase-order-postings';
UPDATE deadletterentry SET processinggroup = 'stock-postings' WHERE processinggroup = 'purchase-order-postings';
