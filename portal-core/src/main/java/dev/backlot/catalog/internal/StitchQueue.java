package dev.backlot.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The references a chunked run has still to stitch ({@code catalog_stitch_queue}).
 *
 * <p>A run that touches more than one chunk of entities commits what its source emitted first,
 * with every reference it must stitch queued in the same transaction, then stitches chunk by
 * chunk, each chunk in its own transaction that also takes its references off the queue. If the
 * portal stops in between, {@link #recover} at the next start stitches what is left.
 */
final class StitchQueue {

    private StitchQueue() {
    }

    /** Queues references (in the caller's transaction); references already queued stay once. */
    static void add(Connection c, Collection<String> refs) throws SQLException {
        boolean empty;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT entity_ref FROM catalog_stitch_queue FETCH FIRST 1 ROWS ONLY")) {
            empty = !rs.next();
        }
        for (List<String> chunk : CatalogStore.chunks(refs)) {
            if (!empty) {
                remove(c, chunk);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalog_stitch_queue (entity_ref) VALUES (?)")) {
                for (String ref : chunk) {
                    ps.setString(1, ref);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /**
     * Takes references off the queue (in the caller's transaction). The range around them keeps the
     * delete on the key's index even when the database's statistics still see an empty queue
     * (a scan of the whole queue per chunk made a 100k load on PostgreSQL read 20 million rows).
     */
    static void remove(Connection c, List<String> refs) throws SQLException {
        if (refs.isEmpty()) {
            return;
        }
        List<String> sorted = refs.stream().sorted().toList();
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM catalog_stitch_queue WHERE entity_ref >= ?"
                + " AND entity_ref <= ? AND entity_ref IN (" + QuerySql.placeholders(refs.size()) + ")")) {
            ps.setString(1, sorted.get(0));
            ps.setString(2, sorted.get(sorted.size() - 1));
            for (int i = 0; i < sorted.size(); i++) {
                ps.setString(i + 3, sorted.get(i));
            }
            ps.executeUpdate();
        }
    }

    /** Everything queued, in reference order. */
    static List<String> pending(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT entity_ref FROM catalog_stitch_queue ORDER BY entity_ref")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * After an interrupted run: removes relations whose emitting entity was never written (it was
     * new, and its row is written when it is stitched; the next read of its location brings it
     * back), and returns the references still to stitch.
     */
    static List<String> recover(Connection c) throws SQLException {
        List<String> pending = pending(c);
        if (!pending.isEmpty()) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM catalog_relation WHERE NOT EXISTS"
                        + " (SELECT 1 FROM catalog_entity e WHERE e.uid = catalog_relation.emitter_uid)");
            }
        }
        return pending;
    }
}
