package dev.backlot.catalog.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The indexes of {@code catalog_relation}, taken down for a bulk load and built again after its
 * relations are written, before stitching (which reads relations by source).
 *
 * <p>Why: maintaining an index row by row costs several times more than building it once over the
 * loaded rows, and past a few tens of thousands of entities PostgreSQL's indexes outgrow its buffer
 * cache so that every insert lands on a random page. Readers never touch this table (the stitched
 * entity carries its relations), so taking its indexes down costs them nothing; only the catalog's
 * write lane uses it. The definitions are those of {@code V2__catalog.sql} and
 * {@code V8__catalog_relation_covering.sql}; {@link #ensure} runs at every start too, so a portal
 * stopped in the middle of a load gets them back. (The search rows of a bulk load go through
 * {@link SearchLoad} instead: readers do use those.)
 */
final class RelationIndexes {

    /** Fewer entities than this never take the indexes down. */
    static final int MIN_ENTITIES = 2_000;

    private RelationIndexes() {
    }

    /** Whether a load of this many entities could be a bulk load at all; no query. */
    static boolean mayBeBulk(int entities) {
        return entities >= MIN_ENTITIES;
    }

    /**
     * Whether a load of {@code entities} should write its relations without their indexes: when it
     * at least doubles the table (about nine rows per entity).
     */
    static boolean worthRebuilding(Connection c, int entities) throws SQLException {
        if (entities < MIN_ENTITIES) {
            return false;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM catalog_relation")) {
            rs.next();
            return rs.getLong(1) < entities * 9L;
        }
    }

    static void drop(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX IF EXISTS catalog_relation_emitter");
            st.execute("DROP INDEX IF EXISTS catalog_relation_source");
        }
    }

    static void ensure(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX IF NOT EXISTS catalog_relation_emitter ON catalog_relation (emitter_uid)");
            st.execute("CREATE INDEX IF NOT EXISTS catalog_relation_source ON catalog_relation (source_ref, type, target_ref)");
        }
    }
}
