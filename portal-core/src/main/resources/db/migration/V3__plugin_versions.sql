-- Kept plugin versions, for rollback and for convergence of every node to the same jars.
-- Written in SQL that both H2 2.x and PostgreSQL accept; times are epoch milliseconds.

-- Every version of a plugin installed through the database, newest last. `seq` counts per plugin
-- and is never reused, so that `backlot:<symbolic name>#<seq>` names one jar on every node. Only
-- the last few are kept (PORTAL_PLUGINS_KEEP_VERSIONS).
CREATE TABLE plugin_version (
    symbolic_name VARCHAR(255) NOT NULL,
    seq           INTEGER      NOT NULL,
    version       VARCHAR(100) NOT NULL,
    source        VARCHAR(20)  NOT NULL,
    jar_sha256    VARCHAR(64)  NOT NULL,
    jar           BYTEA        NOT NULL,
    installed_at  BIGINT       NOT NULL,
    installed_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (symbolic_name, seq)
);

-- The jar of every existing plugin becomes version 1 of its history.
INSERT INTO plugin_version (symbolic_name, seq, version, source, jar_sha256, jar, installed_at, installed_by)
    SELECT symbolic_name, 1, version, source, jar_sha256, jar, changed_at, changed_by FROM plugin_state;

-- plugin_state now points at the current version (NULL: uninstalled, the row stays so that a
-- built-in an admin removed is not seeded again), remembers the last seq handed out, and carries
-- the generation of its last change.
ALTER TABLE plugin_state ADD COLUMN current_seq INTEGER;
ALTER TABLE plugin_state ADD COLUMN last_seq INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE plugin_state ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
UPDATE plugin_state SET current_seq = 1, last_seq = 1;
ALTER TABLE plugin_state DROP COLUMN jar;

-- One row: bumped by every change of the desired plugin set, in the change's transaction. Nodes
-- poll it to notice changes cheaply, and updating it serialises changes made on different nodes.
CREATE TABLE plugin_generation (
    id         INTEGER NOT NULL PRIMARY KEY,
    generation BIGINT  NOT NULL
);
INSERT INTO plugin_generation (id, generation) VALUES (1, 0);
