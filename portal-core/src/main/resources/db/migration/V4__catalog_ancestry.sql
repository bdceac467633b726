-- Ancestry and orphan marking. SQL accepted by both H2 2.x and PostgreSQL; times in epoch milliseconds.

-- The entities whose processing emitted this one (Backstage's refresh_state_references, upward
-- only): comma-separated lower-case references of the Location entities whose targets led to the
-- entity's file or url. Entity references contain no commas. NULL for a root (a location's own
-- generated Location entity, a provider's entity).
ALTER TABLE catalog_entity ADD COLUMN parent_refs VARCHAR(4000);

-- When the entity's source stopped emitting it (it carries backstage.io/orphan: "true" since);
-- NULL while it is emitted. The orphan sweep deletes rows whose grace period has passed.
ALTER TABLE catalog_entity ADD COLUMN orphaned_at BIGINT;
CREATE INDEX catalog_entity_orphaned ON catalog_entity (orphaned_at);
