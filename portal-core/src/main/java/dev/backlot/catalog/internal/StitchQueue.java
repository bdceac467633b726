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
        for (List<String> chunk : CatalogStore.chunks(refs)) {
            remove(c, chunk);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalog_stitch_queue (entity_ref) VALUES (?)")) {
                for (String ref : chunk) {
                    ps.setString(1, ref);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Takes references off the queue (in the caller's transaction). */
    static void remove(Connection c, List<String> refs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM catalog_stitch_queue WHERE entity_ref IN ("
                + QuerySql.placeholders(refs.size()) + ")")) {
            CatalogStore.bind(ps, refs);
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
