-- Replays: a projection is rebuilt into copies of its tables in the schema waybill_rebuild, with its own tokens
-- there, while the current tables keep serving reads; when the rebuild has caught up, its rows and tokens take
-- the current ones' place in one transaction. One row per projection: the running replay, or the last one.
CREATE SCHEMA IF NOT EXISTS waybill_rebuild;

CREATE TABLE projection_rebuild (
    projection  VARCHAR(100) NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    started_at  BIGINT       NOT NULL,
    finished_at BIGINT,
    PRIMARY KEY (projection)
);
