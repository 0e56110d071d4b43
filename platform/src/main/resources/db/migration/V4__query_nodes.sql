-- The query-side processes that project events, with when each last said so: lets them share the projections'
-- segments fairly (see SegmentBalancer).
CREATE TABLE query_node (
    node_id   VARCHAR(255) NOT NULL PRIMARY KEY,
    last_seen BIGINT       NOT NULL
);
