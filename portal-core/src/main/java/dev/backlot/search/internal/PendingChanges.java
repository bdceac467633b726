package dev.backlot.search.internal;

import dev.backlot.persistence.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Changes the index has not taken yet because Solr could not be reached, kept in the database
 * ({@code search_pending}, migration V10) so that a restart loses none: {@code entity:<ref>} for a
 * catalog entity to write again, {@code type:<type>} for a type to rebuild. Without a database
 * (the portal then has no catalog either) they are kept in memory.
 */
final class PendingChanges {

    static final String ENTITY = "entity:";
    static final String TYPE = "type:";
    private static final int MAX_KEY = 600;

    private final Database database;
    private final Set<String> memory = new LinkedHashSet<>();

    PendingChanges(Database database) {
        this.database = database;
    }

    void add(Collection<String> keys) {
        List<String> fitting = keys.stream().filter(k -> k.length() <= MAX_KEY).distinct().toList();
        if (fitting.isEmpty()) {
            return;
        }
        if (database == null) {
            synchronized (memory) {
                memory.addAll(fitting);
            }
            return;
        }
        database.background(10_000, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM search_pending WHERE change_key = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO search_pending (change_key) VALUES (?)")) {
                for (String key : fitting) {
                    delete.setString(1, key);
                    delete.addBatch();
                    insert.setString(1, key);
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The oldest {@code limit} keys. */
    List<String> next(int limit) {
        if (database == null) {
            synchronized (memory) {
                return memory.stream().limit(limit).toList();
            }
        }
        return database.background(10_000, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT change_key FROM search_pending ORDER BY queued_at, change_key FETCH FIRST " + limit + " ROWS ONLY");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    void remove(Collection<String> keys) {
        if (database == null) {
            synchronized (memory) {
                memory.removeAll(keys);
            }
            return;
        }
        database.background(10_000, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM search_pending WHERE change_key = ?")) {
                for (String key : keys) {
                    ps.setString(1, key);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    long count() {
        if (database == null) {
            synchronized (memory) {
                return memory.size();
            }
        }
        return database.background(10_000, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM search_pending");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
