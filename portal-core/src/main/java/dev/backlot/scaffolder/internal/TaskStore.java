package dev.backlot.scaffolder.internal;

import dev.backlot.persistence.Database;
import dev.backlot.scaffolder.ScaffolderTask;
import dev.backlot.scaffolder.TaskEvent;
import dev.backlot.scaffolder.TaskStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of the task tables ({@code scaffolder_task}, {@code scaffolder_task_event}). */
final class TaskStore {

    private static final String COLUMNS = "id, template_ref, status, spec_json, secrets_sealed, state_json, output_json,"
            + " error, created_by, created_at, last_heartbeat_at";
    private static final long READ_MS = 5_000;

    private final Database database;

    TaskStore(Database database) {
        this.database = database;
    }

    /** A task row: the spec (template, values, base location), sealed secrets, step state. */
    record Row(String id, String templateRef, TaskStatus status, Map<String, Object> spec, String secretsSealed,
            List<Map<String, Object>> steps, Map<String, Object> output, String error, String createdBy,
            long createdAt, Long heartbeat) {

        @SuppressWarnings("unchecked")
        ScaffolderTask toTask() {
            Object values = spec.get("values");
            return new ScaffolderTask(id, templateRef, status, values instanceof Map<?, ?> m ? (Map<String, Object>) m
                    : Map.of(), steps, output, createdBy, Instant.ofEpochMilli(createdAt),
                    heartbeat == null ? null : Instant.ofEpochMilli(heartbeat), error);
        }
    }

    void insert(Row row) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scaffolder_task (" + COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, row.id());
                ps.setString(2, row.templateRef());
                ps.setString(3, row.status().json());
                ps.setString(4, Json.write(row.spec()));
                ps.setString(5, row.secretsSealed());
                ps.setString(6, Json.write(row.steps()));
                ps.setString(7, Json.write(row.output()));
                ps.setString(8, row.error());
                ps.setString(9, row.createdBy());
                ps.setLong(10, row.createdAt());
                if (row.heartbeat() == null) {
                    ps.setNull(11, Types.BIGINT);
                } else {
                    ps.setLong(11, row.heartbeat());
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    Optional<Row> find(String id) {
        return database.read(READ_MS, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM scaffolder_task WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<Row>empty();
                }
            }
        });
    }

    List<Row> list(String createdBy, int limit) {
        return database.read(READ_MS, c -> {
            String sql = "SELECT " + COLUMNS + " FROM scaffolder_task"
                    + (createdBy == null ? "" : " WHERE created_by = ?") + " ORDER BY created_at DESC, id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (createdBy != null) {
                    ps.setString(1, createdBy);
                }
                ps.setMaxRows(limit);
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Ids of open tasks, oldest first. */
    List<String> openIds(int limit) {
        return database.read(READ_MS, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM scaffolder_task WHERE status = 'open' ORDER BY created_at, id")) {
                ps.setMaxRows(limit);
                return firstColumn(ps);
            }
        });
    }

    /**
     * Ids of tasks open since before {@code before} (created, or reopened by a retry), oldest first:
     * those no node started in time, e.g. because the node that queued them is gone.
     */
    List<String> openIdsSince(long before, int limit) {
        return database.read(READ_MS, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM scaffolder_task WHERE status = 'open'"
                    + " AND COALESCE(last_heartbeat_at, created_at) < ? ORDER BY created_at, id")) {
                ps.setLong(1, before);
                ps.setMaxRows(limit);
                return firstColumn(ps);
            }
        });
    }

    /** Moves a task from {@code from} to {@code to}; false when another node or call got there first. */
    boolean transition(String id, TaskStatus from, TaskStatus to) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE scaffolder_task SET status = ?, last_heartbeat_at = ? WHERE id = ? AND status = ?")) {
                ps.setString(1, to.json());
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, id);
                ps.setString(4, from.json());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Moves an open task to processing on behalf of {@code node}, which is recorded as its runner.
     *
     * @return false when another node or call got there first
     */
    boolean claim(String id, String node) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scaffolder_task SET status = 'processing',"
                    + " claimed_by = ?, last_heartbeat_at = ? WHERE id = ? AND status = 'open'")) {
                ps.setString(1, node);
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Saves the step states of a task {@code node} runs.
     *
     * @return false when the task is no longer this node's (another node found this one gone and
     *     failed the task): the runner stops
     */
    boolean saveClaimedSteps(String id, String node, List<Map<String, Object>> steps) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scaffolder_task SET state_json = ?,"
                    + " last_heartbeat_at = ? WHERE id = ? AND claimed_by = ? AND status = 'processing'")) {
                ps.setString(1, Json.write(steps));
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, id);
                ps.setString(4, node);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Ends a task {@code node} runs, like {@link #finish}.
     *
     * @return false when the task is no longer this node's; nothing was written
     */
    boolean finishClaimed(String id, String node, TaskStatus status, Map<String, Object> output, String error) {
        return finish(id, node, status, output, error);
    }

    /**
     * Asks the node running a processing task to cancel it (read by {@link #cancelRequests}).
     *
     * @return false when the task is not processing
     */
    boolean requestCancel(String id, String caller) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scaffolder_task SET cancel_requested_by = ?"
                    + " WHERE id = ? AND status = 'processing'")) {
                ps.setString(1, caller == null ? "" : caller);
                ps.setString(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Ids of the processing tasks {@code node} runs that another node was asked to cancel. */
    List<String> cancelRequests(String node) {
        return database.read(READ_MS, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM scaffolder_task WHERE claimed_by = ?"
                    + " AND status = 'processing' AND cancel_requested_by IS NOT NULL")) {
                ps.setString(1, node);
                return firstColumn(ps);
            }
        });
    }

    /**
     * Fails a processing task whose node is gone, if it is still processing and still claimed by
     * that node ({@code null}: by none).
     *
     * @return false when it changed meanwhile (it ended, or its node came back and finished it)
     */
    boolean failAbandoned(String id, String node, String reason) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scaffolder_task SET status = 'failed', error = ?,"
                    + " secrets_sealed = NULL, finished_at = ? WHERE id = ? AND status = 'processing' AND "
                    + (node == null ? "claimed_by IS NULL" : "claimed_by = ?"))) {
                ps.setString(1, truncate(reason, 3900));
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, id);
                if (node != null) {
                    ps.setString(4, node);
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Ends a task: status, output, reason; the sealed secrets are dropped for good. */
    void finish(String id, TaskStatus status, Map<String, Object> output, String error) {
        finish(id, null, status, output, error);
    }

    /** Ends a task, only while {@code node} (when not null) still holds its claim; true when a row changed. */
    private boolean finish(String id, String node, TaskStatus status, Map<String, Object> output, String error) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scaffolder_task SET status = ?, output_json = ?,"
                    + " error = ?, secrets_sealed = NULL, finished_at = ?, last_heartbeat_at = ? WHERE id = ?"
                    + (node == null ? "" : " AND claimed_by = ? AND status = 'processing'"))) {
                long now = System.currentTimeMillis();
                ps.setString(1, status.json());
                ps.setString(2, Json.write(output));
                ps.setString(3, error == null ? null : truncate(error, 3900));
                ps.setLong(4, now);
                ps.setLong(5, now);
                ps.setString(6, id);
                if (node != null) {
                    ps.setString(7, node);
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Back to open for a retry, with fresh step states (secrets are gone: a retry runs without them). */
    boolean reopen(String id, List<Map<String, Object>> steps) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scaffolder_task SET status = 'open', state_json = ?,"
                    + " output_json = NULL, error = NULL, finished_at = NULL, cancel_requested_by = NULL,"
                    + " last_heartbeat_at = ? WHERE id = ? AND status IN ('failed', 'cancelled')")) {
                ps.setString(1, Json.write(steps));
                ps.setLong(2, System.currentTimeMillis());
                ps.setString(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    long appendEvent(String taskId, String type, Map<String, Object> body) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scaffolder_task_event (task_id, event_type,"
                    + " body_json, created_at) VALUES (?,?,?,?)", new String[] {"id"})) {
                ps.setString(1, taskId);
                ps.setString(2, type);
                ps.setString(3, truncate(Json.write(body), 99_000));
                ps.setLong(4, System.currentTimeMillis());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    return keys.next() ? keys.getLong(1) : 0L;
                }
            }
        });
    }

    List<TaskEvent> events(String taskId, long after) {
        return database.read(READ_MS, c -> events(c, taskId, after));
    }

    private static List<TaskEvent> events(Connection c, String taskId, long after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, event_type, body_json, created_at FROM"
                + " scaffolder_task_event WHERE task_id = ? AND id > ? ORDER BY id")) {
            ps.setString(1, taskId);
            ps.setLong(2, after);
            ps.setMaxRows(10_000);
            List<TaskEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TaskEvent(rs.getLong(1), taskId, rs.getString(2), Json.readMap(rs.getString(3)),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return out;
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        long hb = rs.getLong(11);
        Long heartbeat = rs.wasNull() ? null : hb;
        return new Row(rs.getString(1), rs.getString(2), TaskStatus.of(rs.getString(3)), Json.readMap(rs.getString(4)),
                rs.getString(5), Json.readList(rs.getString(6)), Json.readMap(rs.getString(7)), rs.getString(8),
                rs.getString(9), rs.getLong(10), heartbeat);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** The first column of every row the statement answers. */
    private static List<String> firstColumn(PreparedStatement ps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
