-- Indexes for reads at 100k entities and more.

-- Lists of one kind sorted by name (the catalog page, by-query with orderField=metadata.name) read
-- this index in order and stop at the page instead of sorting every entity of the kind.
CREATE INDEX catalog_entity_kind_name ON catalog_entity (kind, name, namespace);

-- The search index now also holds entity_uid, so a filter finds the matching entities in the index
-- alone instead of looking up each matching row (tens of thousands for "spec.type=service" at
-- 100k entities). It still covers facets (skey, svalue, sorig).
DROP INDEX catalog_search_key_value;
CREATE INDEX catalog_search_key_value ON catalog_search (skey, svalue, sorig, entity_uid);
