package dev.backlot.plugins.internal;

import dev.backlot.persistence.Database;
import dev.backlot.plugins.PluginRefusedException;
import dev.backlot.plugins.PluginRefusedException.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The desired plugin set in the database: {@code plugin_state} (one row per plugin, pointing at its
 * current version), {@code plugin_version} (the kept jars) and {@code plugin_generation} (a counter
 * every change bumps).
 *
 * <p>Plain JDBC: the jars are read only when a node installs one, and the generation counter is
 * updated with one statement whose row lock serialises changes made on different nodes. Every write
 * starts by bumping it, then checks that the plugin is still where the caller saw it
 * ({@code expectedSeq}); a change made meanwhile on another node makes the write fail with CONFLICT
 * instead of overwriting it.
 */
final class PluginStore {

    /** {@code source} of a plugin the portal ships. */
    static final String BUILTIN = "builtin";
    /** {@code source} of a plugin an admin or a pipeline installed. */
    static final String UPLOAD = "upload";

    /**
     * A plugin's row.
     *
     * @param currentSeq the version that should run, {@code null} when the plugin was uninstalled
     * @param lastSeq the highest seq ever handed out for this plugin (seqs are never reused)
     * @param generation the value of the generation counter at its last change
     */
    record DesiredPlugin(String symbolicName, String version, String source, boolean started, String sha256,
            Integer currentSeq, int lastSeq, long generation, Instant changedAt, String changedBy) {

        boolean installed() {
            return currentSeq != null;
        }
    }

    /** A kept version, without its jar. */
    record StoredVersion(String symbolicName, int seq, String version, String source, String sha256,
            Instant installedAt, String installedBy) {
    }

    /** A new version to append. */
    record NewVersion(String symbolicName, String version, String source, String sha256, byte[] jar) {
    }

    private static final String STATE_COLUMNS = "symbolic_name, version, source, started, jar_sha256, current_seq,"
            + " last_seq, generation, changed_at, changed_by";

    private final Database database;
    private final int keepVersions;

    PluginStore(Database database, int keepVersions) {
        this.database = database;
        this.keepVersions = keepVersions;
    }

    /** The counter that changes with every change of the desired set: cheap to poll. */
    long generation() {
        return database.jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT generation FROM plugin_generation WHERE id = 1");
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Every row, uninstalled ones included. */
    List<DesiredPlugin> all() {
        return database.jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + STATE_COLUMNS + " FROM plugin_state ORDER BY symbolic_name");
                    ResultSet rs = s.executeQuery()) {
                List<DesiredPlugin> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(desired(rs));
                }
                return out;
            }
        });
    }

    Optional<DesiredPlugin> find(String symbolicName) {
        return database.jdbc(c -> find(c, symbolicName));
    }

    /** The kept versions of one plugin, newest (highest seq) first. */
    List<StoredVersion> versions(String symbolicName) {
        return database.jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT symbolic_name, seq, version, source, jar_sha256,"
                    + " installed_at, installed_by FROM plugin_version WHERE symbolic_name = ? ORDER BY seq DESC")) {
                s.setString(1, symbolicName);
                try (ResultSet rs = s.executeQuery()) {
                    List<StoredVersion> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new StoredVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7)));
                    }
                    return out;
                }
            }
        });
    }

    /** The kept versions of every plugin, without jars, highest seq first. */
    List<StoredVersion> allVersions() {
        return database.jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT symbolic_name, seq, version, source, jar_sha256,"
                    + " installed_at, installed_by FROM plugin_version ORDER BY symbolic_name, seq DESC");
                    ResultSet rs = s.executeQuery()) {
                List<StoredVersion> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new StoredVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7)));
                }
                return out;
            }
        });
    }

    /** The jar of one kept version. */
    Optional<byte[]> jar(String symbolicName, int seq) {
        return database.jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT jar FROM plugin_version WHERE symbolic_name = ? AND seq = ?")) {
                s.setString(1, symbolicName);
                s.setInt(2, seq);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Appends a version as {@code seq} and makes it current, then drops versions beyond the kept
     * number (never the current one).
     *
     * @param expectedSeq the current seq the caller saw ({@code null}: not installed)
     */
    DesiredPlugin append(NewVersion v, int seq, Integer expectedSeq, boolean started, String actor) {
        return database.jdbc(c -> {
            long generation = bump(c);
            Optional<DesiredPlugin> row = find(c, v.symbolicName());
            expect(row, expectedSeq, v.symbolicName());
            int lastSeq = row.map(DesiredPlugin::lastSeq).orElse(0);
            if (seq != lastSeq + 1) {
                throw concurrent(v.symbolicName());
            }
            long now = System.currentTimeMillis();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO plugin_version (symbolic_name, seq, version,"
                    + " source, jar_sha256, jar, installed_at, installed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, v.symbolicName());
                s.setInt(2, seq);
                s.setString(3, v.version());
                s.setString(4, v.source());
                s.setString(5, v.sha256());
                s.setBytes(6, v.jar());
                s.setLong(7, now);
                s.setString(8, actor);
                s.executeUpdate();
            }
            String sql = row.isPresent()
                    ? "UPDATE plugin_state SET version = ?, source = ?, started = ?, jar_sha256 = ?, current_seq = ?,"
                            + " last_seq = ?, generation = ?, changed_at = ?, changed_by = ? WHERE symbolic_name = ?"
                    : "INSERT INTO plugin_state (version, source, started, jar_sha256, current_seq, last_seq, generation,"
                            + " changed_at, changed_by, symbolic_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, v.version());
                s.setString(2, v.source());
                s.setBoolean(3, started);
                s.setString(4, v.sha256());
                s.setInt(5, seq);
                s.setInt(6, seq);
                s.setLong(7, generation);
                s.setLong(8, now);
                s.setString(9, actor);
                s.setString(10, v.symbolicName());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM plugin_version WHERE symbolic_name = ? AND seq <= ? AND seq <> ?")) {
                s.setString(1, v.symbolicName());
                s.setInt(2, seq - keepVersions);
                s.setInt(3, seq);
                s.executeUpdate();
            }
            return find(c, v.symbolicName()).orElseThrow();
        });
    }

    /** Makes a kept version current (rollback). */
    DesiredPlugin moveTo(String symbolicName, StoredVersion target, int expectedSeq, String actor) {
        return database.jdbc(c -> {
            long generation = bump(c);
            expect(find(c, symbolicName), expectedSeq, symbolicName);
            try (PreparedStatement s = c.prepareStatement("UPDATE plugin_state SET version = ?, source = ?,"
                    + " jar_sha256 = ?, current_seq = ?, generation = ?, changed_at = ?, changed_by = ?"
                    + " WHERE symbolic_name = ?")) {
                s.setString(1, target.version());
                s.setString(2, target.source());
                s.setString(3, target.sha256());
                s.setInt(4, target.seq());
                s.setLong(5, generation);
                s.setLong(6, System.currentTimeMillis());
                s.setString(7, actor);
                s.setString(8, symbolicName);
                s.executeUpdate();
            }
            return find(c, symbolicName).orElseThrow();
        });
    }

    /** Records whether the plugin should run. */
    DesiredPlugin setStarted(String symbolicName, boolean started, int expectedSeq, String actor) {
        return database.jdbc(c -> {
            long generation = bump(c);
            expect(find(c, symbolicName), expectedSeq, symbolicName);
            try (PreparedStatement s = c.prepareStatement("UPDATE plugin_state SET started = ?, generation = ?,"
                    + " changed_at = ?, changed_by = ? WHERE symbolic_name = ?")) {
                s.setBoolean(1, started);
                s.setLong(2, generation);
                s.setLong(3, System.currentTimeMillis());
                s.setString(4, actor);
                s.setString(5, symbolicName);
                s.executeUpdate();
            }
            return find(c, symbolicName).orElseThrow();
        });
    }

    /**
     * Uninstalls: the jars go, the row stays with no current version, so that a built-in is not
     * seeded again at the next start and seqs are never reused.
     */
    void remove(String symbolicName, int expectedSeq, String actor) {
        database.jdbc(c -> {
            long generation = bump(c);
            expect(find(c, symbolicName), expectedSeq, symbolicName);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM plugin_version WHERE symbolic_name = ?")) {
                s.setString(1, symbolicName);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE plugin_state SET current_seq = NULL, started = ?,"
                    + " generation = ?, changed_at = ?, changed_by = ? WHERE symbolic_name = ?")) {
                s.setBoolean(1, false);
                s.setLong(2, generation);
                s.setLong(3, System.currentTimeMillis());
                s.setString(4, actor);
                s.setString(5, symbolicName);
                s.executeUpdate();
            }
            return null;
        });
    }

    private static long bump(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE plugin_generation SET generation = generation + 1 WHERE id = 1")) {
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT generation FROM plugin_generation WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void expect(Optional<DesiredPlugin> row, Integer expectedSeq, String symbolicName) {
        Integer actual = row.map(DesiredPlugin::currentSeq).orElse(null);
        if (!Objects.equals(actual, expectedSeq)) {
            throw concurrent(symbolicName);
        }
    }

    private static PluginRefusedException concurrent(String symbolicName) {
        return new PluginRefusedException(Reason.CONFLICT, symbolicName
                + " was changed at the same moment by someone else (possibly on another portal node); look at its"
                + " current state and try again");
    }

    private static Optional<DesiredPlugin> find(Connection c, String symbolicName) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + STATE_COLUMNS + " FROM plugin_state WHERE symbolic_name = ?")) {
            s.setString(1, symbolicName);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(desired(rs)) : Optional.empty();
            }
        }
    }

    private static DesiredPlugin desired(ResultSet rs) throws SQLException {
        int current = rs.getInt(6);
        Integer currentSeq = rs.wasNull() ? null : current;
        return new DesiredPlugin(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                currentSeq, rs.getInt(7), rs.getLong(8), Instant.ofEpochMilli(rs.getLong(9)), rs.getString(10));
    }
}
