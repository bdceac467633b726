-- Written in SQL that both H2 2.x and PostgreSQL accept. Times are epoch milliseconds (BIGINT) so
-- that no time-zone handling differs between the two.

-- Desired plugin state: which bundles, which version, started or not, with the jar itself, so that
-- a restart (or another node on the same database) brings back exactly the same plugins.
CREATE TABLE plugin_state (
    symbolic_name VARCHAR(255) NOT NULL PRIMARY KEY,
    version       VARCHAR(100) NOT NULL,
    source        VARCHAR(20)  NOT NULL,
    started       BOOLEAN      NOT NULL,
    jar_sha256    VARCHAR(64)  NOT NULL,
    jar           BYTEA        NOT NULL,
    changed_at    BIGINT       NOT NULL,
    changed_by    VARCHAR(255) NOT NULL
);

-- Who did what, when, and how it ended.
CREATE TABLE audit_log (
    id      VARCHAR(36)   NOT NULL PRIMARY KEY,
    at_ms   BIGINT        NOT NULL,
    actor   VARCHAR(255)  NOT NULL,
    action  VARCHAR(64)   NOT NULL,
    target  VARCHAR(512),
    outcome VARCHAR(16)   NOT NULL,
    detail  VARCHAR(4000)
);
CREATE INDEX audit_log_at ON audit_log (at_ms);

-- Local accounts (the admin at least). Only salted PBKDF2 hashes are stored.
CREATE TABLE portal_account (
    username      VARCHAR(255) NOT NULL PRIMARY KEY,
    password_hash VARCHAR(512) NOT NULL,
    roles         VARCHAR(255) NOT NULL,
    created_at    BIGINT       NOT NULL
);
