-- Which portal node runs which software-template task, so that a cluster recovers only the tasks of
-- nodes that are gone. SQL accepted by both H2 2.x and PostgreSQL; times in epoch milliseconds.

-- One row per start of a portal node's scaffolder engine: a fresh id each start, a heartbeat written
-- every few seconds (PORTAL_SCAFFOLDER_HEARTBEAT_SECONDS), stopped_at set when it stops cleanly. A
-- node whose heartbeat is older than PORTAL_SCAFFOLDER_NODE_TIMEOUT_SECONDS, or that stopped, is gone:
-- its processing tasks are failed (and can be retried) by the next node that looks.
CREATE TABLE scaffolder_node (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    name         VARCHAR(300) NOT NULL,
    started_at   BIGINT       NOT NULL,
    heartbeat_at BIGINT       NOT NULL,
    stopped_at   BIGINT
);

-- The node that moved the task to processing (NULL for tasks claimed before this migration).
ALTER TABLE scaffolder_task ADD COLUMN claimed_by VARCHAR(36);
CREATE INDEX scaffolder_task_by_claimer ON scaffolder_task (claimed_by, status);

-- A cancel asked on another node than the one running the task: who asked. The running node reads
-- it at its next heartbeat and stops the task as if the cancel had been asked there.
ALTER TABLE scaffolder_task ADD COLUMN cancel_requested_by VARCHAR(300);
