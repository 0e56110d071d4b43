-- Who may call the API. The command side writes these tables in the transaction that stores the access events
-- (organisations, memberships, tokens), so a revoked token or a removed member is refused on the very next
-- request, by every process. They also hold what must never enter the event store: token hashes and the
-- users' personal data (e-mail, display name), which can be erased here without rewriting history.
CREATE TABLE access_organisation (
    org_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    name           VARCHAR(255) NOT NULL,
    -- NULL once deleted, which frees the slug
    slug           VARCHAR(100),
    legal_name     VARCHAR(255),
    address        VARCHAR(1000),
    city           VARCHAR(150),
    state          VARCHAR(100),
    country        VARCHAR(2),
    zip_code       VARCHAR(20),
    logo_url       VARCHAR(2000),
    contact_email  VARCHAR(320),
    contact_phone  VARCHAR(50),
    deleted        BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX access_organisation_slug ON access_organisation (slug);

CREATE TABLE access_user (
    user_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(255),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX access_user_email ON access_user (email);

CREATE TABLE access_membership (
    org_id     VARCHAR(64) NOT NULL,
    user_id    VARCHAR(64) NOT NULL,
    role       VARCHAR(16) NOT NULL,
    joined_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX access_membership_user ON access_membership (user_id);

CREATE TABLE access_token (
    token_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    -- SHA-256 of the secret, hex; the secret itself is never stored
    secret_hash  VARCHAR(64)  NOT NULL,
    user_id      VARCHAR(64)  NOT NULL,
    org_id       VARCHAR(64)  NOT NULL,
    name         VARCHAR(255) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX access_token_secret ON access_token (secret_hash);
CREATE INDEX access_token_user ON access_token (user_id, created_at);
