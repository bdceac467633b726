package dev.backlot.catalog.internal;

import dev.backlot.persistence.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * A bulk load's search rows, written into a table of their own beside the live
 * {@code catalog_search} and swapped in whole once indexed and analysed.
 *
 * <p>Why: a load of tens of thousands of entities writes millions of search rows. Written into the
 * live table, either its indexes are maintained row by row (on H2 ten times slower than building
 * them once), or they are taken down, and then every reader scans the table and, on H2, waits for
 * the lock the index build holds until it times out. Beside the live table the load writes without
 * indexes, readers keep the live table and its indexes, and the database's statistics describe the
 * new table before the first reader plans a query on it. The swap is a rename: one transaction on
 * PostgreSQL; on H2, whose DDL commits statement by statement, two renames a reader may fall between
 * for a moment ("table not found"), which {@link dev.backlot.persistence.Database#read} tries again.
 *
 * <p>While a load runs, its entities are already in {@code catalog_entity} (lists and lookups show
 * them as they are stitched) but filters and facets find them only after the swap.
 *
 * <p>The state is the database's: a load table that exists is a load not yet swapped in, and
 * {@link #recover} finishes it at the next start. Every write to {@code catalog_search} runs in the
 * catalog's one write lane, so nothing writes the live table while a load fills its own.
 */
final class SearchLoad {

    static final String LIVE = "catalog_search";
    static final String LOAD = "catalog_search_load";
    private static final String OLD = "catalog_search_old";

    /**
     * Fewer entities to stitch than this never take the load path: their rows go straight into the
     * live table, whose indexes make that cheap enough.
     */
    static final int MIN_ENTITIES = 2_000;

    private SearchLoad() {
    }

    /**
     * Whether stitching {@code entities} should write beside the live table: when their rows (about
     * 30 per entity) are at least a quarter of what the live table holds. Below that, maintaining
     * the live indexes row by row costs less than copying the live rows into the load table.
     */
    static boolean worthIt(Connection c, int entities) throws SQLException {
        if (entities < MIN_ENTITIES) {
            return false;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + LIVE)) {
            rs.next();
            return rs.getLong(1) < entities * 30L * 4;
        }
    }

    /** Creates an empty load table (dropping a leftover one); committed on its own on H2. */
    static void begin(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + LOAD);
            // The columns of V2__catalog.sql; a migration that changes catalog_search changes this too.
            st.execute("CREATE TABLE " + LOAD + " (entity_uid VARCHAR(36) NOT NULL, skey VARCHAR(200) NOT NULL,"
                    + " svalue VARCHAR(200), sorig VARCHAR(200))");
        }
    }

    /** Whether a load table exists: a load was begun and not swapped in. */
    static boolean pending(Connection c) throws SQLException {
        return exists(c, LOAD);
    }

    /**
     * Completes the load table and prepares the swap, outside any reader's way: indexes it, copies
     * in the live rows of every entity the load did not stitch (and that still exists), and gathers
     * its statistics. Slow (seconds to a minute at 100k entities); touches the live table only to
     * read it. Safe to run again after a failure.
     */
    static void complete(Connection c, Dialect dialect) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX IF NOT EXISTS " + LOAD + "_entity ON " + LOAD + " (entity_uid)");
            st.executeUpdate("INSERT INTO " + LOAD + " (entity_uid, skey, svalue, sorig)"
                    + " SELECT s.entity_uid, s.skey, s.svalue, s.sorig FROM " + LIVE + " s"
                    + " WHERE NOT EXISTS (SELECT 1 FROM " + LOAD + " l WHERE l.entity_uid = s.entity_uid)"
                    + " AND EXISTS (SELECT 1 FROM catalog_entity e WHERE e.uid = s.entity_uid)");
            st.execute("CREATE INDEX IF NOT EXISTS " + LOAD + "_key_value ON " + LOAD
                    + " (skey, svalue, sorig, entity_uid)");
            if (dialect == Dialect.POSTGRESQL) {
                // As V7 (vendor/postgresql) made for the live table: the planner's view of (skey, svalue)
                st.execute("DROP STATISTICS IF EXISTS " + LOAD + "_key_value_stats");
                st.execute("CREATE STATISTICS " + LOAD + "_key_value_stats (mcv, dependencies) ON skey, svalue FROM "
                        + LOAD);
            }
        }
    }

    /**
     * Analyses the load table, and on PostgreSQL vacuums it too (pages marked all-visible, so that
     * filters and counts read the index alone from the first query). Runs outside a transaction.
     */
    static void analyse(Connection autocommit, Dialect dialect) throws SQLException {
        try (Statement st = autocommit.createStatement()) {
            st.execute(dialect == Dialect.POSTGRESQL ? "VACUUM (ANALYZE) " + LOAD + ", catalog_entity"
                    : "ANALYZE TABLE " + LOAD);
        }
    }

    /**
     * Swaps the completed load table in: readers see every entity's new rows at once. On PostgreSQL
     * in one transaction (the caller's), which waits for running readers and makes new ones wait a
     * moment; on H2 in steps that each commit, which {@link #recover} can finish from any point.
     */
    static void swap(Connection c, Dialect dialect) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) {
                // Never queue for long behind a slow reader: fail, and the caller tries again.
                st.execute("SET LOCAL lock_timeout = '5s'");
                st.execute("DROP TABLE " + LIVE);
                st.execute("ALTER TABLE " + LOAD + " RENAME TO " + LIVE);
                st.execute("ALTER STATISTICS " + LOAD + "_key_value_stats RENAME TO " + LIVE + "_key_value_stats");
                st.execute("ALTER INDEX " + LOAD + "_entity RENAME TO " + LIVE + "_entity");
                st.execute("ALTER INDEX " + LOAD + "_key_value RENAME TO " + LIVE + "_key_value");
                return;
            }
            // Each step commits, and each is skipped when done, so that a retry (or recover) goes on
            // from wherever a failure stopped it. Index names are the schema's: the live table's
            // give theirs up before the load table's take them, and the load table takes the live
            // name last, so that a reader who finds the table also finds the index it names.
            if (exists(c, LIVE) && exists(c, LOAD)) {
                st.execute("ALTER TABLE " + LIVE + " RENAME TO " + OLD);
            }
            renameIndexes(c, OLD, LIVE, OLD);
            renameIndexes(c, LOAD, LOAD, LIVE);
            if (exists(c, LOAD)) {
                st.execute("ALTER TABLE " + LOAD + " RENAME TO " + LIVE);
            }
            st.execute("DROP TABLE IF EXISTS " + OLD);
        }
    }

    /** Renames the two search indexes of {@code table} named after {@code from} to those of {@code to} (H2). */
    private static void renameIndexes(Connection c, String table, String from, String to) throws SQLException {
        for (String suffix : List.of("_entity", "_key_value")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.indexes"
                    + " WHERE LOWER(index_name) = ? AND LOWER(table_name) = ? AND table_schema = CURRENT_SCHEMA")) {
                ps.setString(1, from + suffix);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        continue;
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("ALTER INDEX " + from + suffix + " RENAME TO " + to + suffix);
            }
        }
    }

    /**
     * At start: brings an H2 swap that stopped half-way to its end (PostgreSQL's is one transaction),
     * so that exactly one live search table exists, with its indexes under their canonical names. A
     * load table not yet swapped in is left: {@link #pending} tells the engine to finish it.
     */
    static void recover(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (exists(c, OLD) || !exists(c, LIVE)) {
                // stopped in the middle of an H2 swap: finish it
                swap(c, Dialect.H2);
            }
            // Loads before this class took the live indexes down and built them after: one stopped
            // half-way left the table without them. (The definitions of V2 and V6.)
            st.execute("CREATE INDEX IF NOT EXISTS " + LIVE + "_key_value ON " + LIVE + " (skey, svalue, sorig, entity_uid)");
            st.execute("CREATE INDEX IF NOT EXISTS " + LIVE + "_entity ON " + LIVE + " (entity_uid)");
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE LOWER(table_name) = ? AND table_schema = CURRENT_SCHEMA")) {
            ps.setString(1, table.toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
