package dev.backlot.scaffolder.internal;

import dev.backlot.persistence.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@code scaffolder_node} (one row per start of a node's engine) and of the questions
 * asked across it and {@code scaffolder_task}: which processing tasks belong to a node that is gone.
 */
final class NodeStore {

    private static final long READ_MS = 5_000;

    private final Database database;

    NodeStore(Database database) {
        this.database = database;
    }

    /**
     * A processing task whose node is gone.
     *
     * @param nodeId the node that claimed it, {@code null} for a task claimed before nodes were recorded
     * @param nodeName that node's name, {@code null} when its row is gone too
     * @param heartbeatAt that node's last heartbeat, {@code null} when unknown
     * @param stoppedAt when that node stopped cleanly, {@code null} when it did not
     */
    record Abandoned(String taskId, String nodeId, String nodeName, Long heartbeatAt, Long stoppedAt) {
    }

    void join(String id, String name, long now) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scaffolder_node (id, name, started_at,"
                    + " heartbeat_at) VALUES (?,?,?,?)")) {
                ps.setString(1, id);
                ps.setString(2, name.length() > 300 ? name.substring(0, 300) : name);
                ps.setLong(3, now);
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The heartbeat: the node's row, and the {@code last_heartbeat_at} of the tasks it runs (what
     * Backstage's API shows as {@code lastHeartbeatAt}).
     *
     * @return false when the node's row is gone (removed as long dead): the caller joins again
     */
    boolean beat(String id, long now) {
        return database.jdbc(c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE scaffolder_node SET heartbeat_at = ? WHERE id = ? AND stopped_at IS NULL")) {
                ps.setLong(1, now);
                ps.setString(2, id);
                updated = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE scaffolder_task SET last_heartbeat_at = ?"
                    + " WHERE claimed_by = ? AND status = 'processing'")) {
                ps.setLong(1, now);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return updated == 1;
        });
    }

    /** A clean stop: the node's tasks are known to be abandoned at once, without waiting for the timeout. */
    void leave(String id, long now) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scaffolder_node SET stopped_at = ? WHERE id = ?")) {
                ps.setLong(1, now);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Processing tasks claimed by another node that stopped, has no row, or whose heartbeat is older
     * than {@code staleBefore}; and tasks claimed by no node at all (left by a version before V12).
     */
    List<Abandoned> abandoned(String self, long staleBefore, int limit) {
        return database.read(READ_MS, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.claimed_by, n.name, n.heartbeat_at,"
                    + " n.stopped_at FROM scaffolder_task t LEFT JOIN scaffolder_node n ON n.id = t.claimed_by"
                    + " WHERE t.status = 'processing' AND (t.claimed_by IS NULL OR t.claimed_by <> ?)"
                    + " AND (n.id IS NULL OR n.stopped_at IS NOT NULL OR n.heartbeat_at < ?)")) {
                ps.setString(1, self);
                ps.setLong(2, staleBefore);
                ps.setMaxRows(limit);
                List<Abandoned> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long hb = rs.getLong(4);
                        Long heartbeat = rs.wasNull() ? null : hb;
                        long stopped = rs.getLong(5);
                        Long stoppedAt = rs.wasNull() ? null : stopped;
                        out.add(new Abandoned(rs.getString(1), rs.getString(2), rs.getString(3), heartbeat, stoppedAt));
                    }
                }
                return out;
            }
        });
    }

    /** Removes rows of nodes gone before {@code before} that no processing task names any more. */
    int forget(long before) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM scaffolder_node WHERE heartbeat_at < ?"
                    + " AND NOT EXISTS (SELECT 1 FROM scaffolder_task t WHERE t.claimed_by = scaffolder_node.id"
                    + " AND t.status = 'processing')")) {
                ps.setLong(1, before);
                return ps.executeUpdate();
            }
        });
    }
}
