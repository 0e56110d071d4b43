-- Single-use tickets that let a browser open one event stream with EventSource, which cannot send headers: each
-- names the one stream path it opens, for a minute, and the caller it came from. Only a ticket's hash is kept.
CREATE TABLE stream_ticket (
    ticket_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    path        VARCHAR(512)             NOT NULL,
    org_id      VARCHAR(64)              NOT NULL,
    user_id     VARCHAR(64)              NOT NULL,
    token_id    VARCHAR(64),
    role        VARCHAR(16)              NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
