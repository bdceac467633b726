-- The software catalog. SQL accepted by both H2 2.x and PostgreSQL; times in epoch milliseconds.

-- Registered roots: from configuration, the API/UI, or the sample catalog.
CREATE TABLE catalog_location (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    type        VARCHAR(16)   NOT NULL,
    target      VARCHAR(4000) NOT NULL,
    target_hash VARCHAR(64)   NOT NULL,
    origin      VARCHAR(16)   NOT NULL,
    created_at  BIGINT        NOT NULL
);
-- (type, target) is unique; hashed because a long target is too wide for an index.
CREATE UNIQUE INDEX catalog_location_target ON catalog_location (target_hash);

-- One row per entity. processed_json is the entity after processing (what its source says),
-- final_json the stitched entity the API serves (with relations from every emitter, errors, etag).
CREATE TABLE catalog_entity (
    uid            VARCHAR(36)       NOT NULL PRIMARY KEY,
    entity_ref     VARCHAR(200)      NOT NULL,
    kind           VARCHAR(63)       NOT NULL,
    namespace      VARCHAR(63)       NOT NULL,
    name           VARCHAR(63)       NOT NULL,
    source_key     VARCHAR(300)      NOT NULL,
    location_key   VARCHAR(4000),
    processed_hash VARCHAR(64)       NOT NULL,
    processed_json VARCHAR(10485760) NOT NULL,
    final_json     VARCHAR(10485760),
    etag           VARCHAR(64),
    updated_at     BIGINT            NOT NULL
);
CREATE UNIQUE INDEX catalog_entity_ref ON catalog_entity (entity_ref);
CREATE INDEX catalog_entity_source ON catalog_entity (source_key);
CREATE INDEX catalog_entity_sort ON catalog_entity (kind, namespace, name);

-- Relations as emitted by an entity's processing: both directions, so that stitching an entity
-- only needs the rows whose source is that entity.
CREATE TABLE catalog_relation (
    emitter_uid VARCHAR(36)  NOT NULL,
    source_ref  VARCHAR(200) NOT NULL,
    type        VARCHAR(64)  NOT NULL,
    target_ref  VARCHAR(200) NOT NULL
);
CREATE INDEX catalog_relation_emitter ON catalog_relation (emitter_uid);
CREATE INDEX catalog_relation_source ON catalog_relation (source_ref);

-- Flattened key/value rows of each final entity, for filters, facets and sorting (Backstage's
-- search table): skey is the lower-cased dot path, svalue the lower-cased value (NULL when longer
-- than 200 characters), sorig the value as written, for facets.
CREATE TABLE catalog_search (
    entity_uid VARCHAR(36)  NOT NULL,
    skey       VARCHAR(200) NOT NULL,
    svalue     VARCHAR(200),
    sorig      VARCHAR(200)
);
-- One index serves filters (skey, svalue) and facets, which it covers (skey, svalue, sorig):
-- every extra index on this, the largest table, makes a bulk load markedly slower.
CREATE INDEX catalog_search_key_value ON catalog_search (skey, svalue, sorig);
CREATE INDEX catalog_search_entity ON catalog_search (entity_uid);

-- What could not be read or processed, per source; replaced at each run of that source.
CREATE TABLE catalog_error (
    id         VARCHAR(36)   NOT NULL PRIMARY KEY,
    source_key VARCHAR(300)  NOT NULL,
    location   VARCHAR(4000) NOT NULL,
    entity_ref VARCHAR(200),
    message    VARCHAR(4000) NOT NULL,
    at_ms      BIGINT        NOT NULL
);
CREATE INDEX catalog_error_source ON catalog_error (source_key);
CREATE INDEX catalog_error_entity ON catalog_error (entity_ref);
