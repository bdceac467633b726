-- Stitching reads every relation whose source is the entity (its type and target): with them in
-- the index the read needs no row lookups. On a 10k-entity load that is a third of stitching's reads.
DROP INDEX catalog_relation_source;
CREATE INDEX catalog_relation_source ON catalog_relation (source_ref, type, target_ref);
