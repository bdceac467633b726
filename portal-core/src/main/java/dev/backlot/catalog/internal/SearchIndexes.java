package dev.backlot.catalog.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The indexes of {@code catalog_search} and {@code catalog_relation}, taken down for a bulk load
 * and built again after it (the relation indexes before stitching, which reads relations by source).
 *
 * <p>Why: most of the cost of writing a search row is maintaining its two indexes, row by row; building
 * an index once over the loaded rows is several times cheaper. On H2 that is the bulk of a load; on
 * PostgreSQL, past a few tens of thousands of entities the indexes outgrow its buffer cache and
 * every insert lands on a random page, so a 100k load took more than twice as long per entity as a
 * 30k one. Only a load that brings more rows than the table holds does it (a first load, a large
 * new location), so that the queries running meanwhile scan a small table. The definitions are those
 * of {@code V2__catalog.sql}, {@code V6__catalog_ordered_reads.sql} and
 * {@code V8__catalog_relation_covering.sql}; {@link #ensure} runs at
 * every start too, so a portal stopped in the middle of a load gets its indexes back.
 */
final class SearchIndexes {

    /** Fewer search rows to write than this are never worth the rebuild. */
    static final int MIN_ENTITIES = 2_000;

    private SearchIndexes() {
    }

    /** Whether a load of this many entities could be a bulk load at all; no query. */
    static boolean mayBeBulk(int entities) {
        return entities >= MIN_ENTITIES;
    }

    /** Whether a load that stitches {@code entities} should take the indexes down first. */
    static boolean worthRebuilding(Connection c, int entities) throws SQLException {
        if (entities < MIN_ENTITIES) {
            return false;
        }
        // About 30 search rows per entity: rebuild only when the load at least doubles the table.
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM catalog_search")) {
            rs.next();
            return rs.getLong(1) < entities * 30L;
        }
    }

    /**
     * Whether a load of {@code entities} should write its relations without their indexes: the same
     * rule for {@code catalog_relation}, about nine rows per entity.
     */
    static boolean worthRebuildingRelations(Connection c, int entities) throws SQLException {
        if (entities < MIN_ENTITIES) {
            return false;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM catalog_relation")) {
            rs.next();
            return rs.getLong(1) < entities * 9L;
        }
    }

    static void dropRelations(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX IF EXISTS catalog_relation_emitter");
            st.execute("DROP INDEX IF EXISTS catalog_relation_source");
        }
    }

    static void ensureRelations(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX IF NOT EXISTS catalog_relation_emitter ON catalog_relation (emitter_uid)");
            st.execute("CREATE INDEX IF NOT EXISTS catalog_relation_source ON catalog_relation (source_ref, type, target_ref)");
        }
    }

    static void drop(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX IF EXISTS catalog_search_key_value");
            st.execute("DROP INDEX IF EXISTS catalog_search_entity");
        }
    }

    static void ensure(Connection c) throws SQLException {
        ensureRelations(c);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX IF NOT EXISTS catalog_search_key_value ON catalog_search (skey, svalue, sorig, entity_uid)");
            st.execute("CREATE INDEX IF NOT EXISTS catalog_search_entity ON catalog_search (entity_uid)");
        }
    }
}
