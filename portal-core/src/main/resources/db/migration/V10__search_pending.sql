-- Changes the search index has not taken yet because Solr could not be reached (a remote Solr
-- down): 'entity:<ref>' to write an entity again, 'type:<type>' to rebuild a type. Written when a
-- write to Solr fails, emptied when Solr answers again; the index is derived data, this queue is
-- what keeps it from missing a change meanwhile, across restarts too.
CREATE TABLE search_pending (
    change_key VARCHAR(600) NOT NULL PRIMARY KEY,
    queued_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
