package dev.backlot.catalog.internal;

import dev.backlot.catalog.ProcessingError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes of the catalog's tables, on a connection the caller holds in a transaction. Stitching is
 * separate ({@link Stitcher}); this class only records what each source emitted.
 */
final class CatalogStore {

    /**
     * What is stored for an entity, enough to decide whether a new run changes it.
     *
     * @param orphanedAt when its source stopped emitting it (epoch ms), or null while it is emitted
     */
    record Stored(String uid, String ref, String sourceKey, String locationKey, String hash, Long orphanedAt) {
    }

    private static final String STORED_COLUMNS = "uid, entity_ref, source_key, location_key, processed_hash, orphaned_at";

    private static Stored stored(ResultSet rs) throws SQLException {
        long orphanedAt = rs.getLong(6);
        // wasNull() speaks of the last column read: ask before reading the others.
        Long marked = rs.wasNull() ? null : orphanedAt;
        return new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), marked);
    }

    private CatalogStore() {
    }

    static Map<String, Stored> bySource(Connection c, String sourceKey) throws SQLException {
        Map<String, Stored> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + STORED_COLUMNS + " FROM catalog_entity WHERE source_key = ?")) {
            ps.setString(1, sourceKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(2), stored(rs));
                }
            }
        }
        return out;
    }

    /** The stored rows of these references, whichever source owns them. */
    static Map<String, Stored> byRefs(Connection c, Collection<String> refs) throws SQLException {
        Map<String, Stored> out = new HashMap<>();
        for (List<String> chunk : chunks(refs)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + STORED_COLUMNS
                    + " FROM catalog_entity WHERE entity_ref IN (" + QuerySql.placeholders(chunk.size()) + ")")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(2), stored(rs));
                    }
                }
            }
        }
        return out;
    }

    /** The orphans marked at or before {@code cutoff} (epoch ms), whichever source they came from. */
    static List<Stored> orphanedBefore(Connection c, long cutoff) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + STORED_COLUMNS
                + " FROM catalog_entity WHERE orphaned_at IS NOT NULL AND orphaned_at <= ?")) {
            ps.setLong(1, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(stored(rs));
                }
            }
        }
        return out;
    }

    /**
     * An entity seen for the first time: its row is written once, by the stitcher, complete.
     *
     * @param json the processed entity (see {@link ProcessedEntity#json})
     */
    record NewRow(String uid, String sourceKey, String ref, String kind, String namespace, String name,
            String locationKey, String hash, String parents, String json) {

        static NewRow of(String uid, String sourceKey, ProcessedEntity e) {
            return new NewRow(uid, sourceKey, e.ref(), lower(e.kind()), lower(e.namespace()), lower(e.name()),
                    e.locationKey(), e.hash(), e.parentColumn(), e.json());
        }
    }

    /**
     * Updates entities owned by {@code sourceKey} and replaces the relations each emits. Entities
     * that have no row yet are not inserted here but handed back in {@code created}: the stitcher
     * inserts them with their final form, so a new entity's wide row is written once, not twice.
     *
     * @param existing the stored rows of these references (from {@link #byRefs}), to reuse uids
     * @param created receives the new entities, by reference; pass them to the stitcher
     * @return every reference whose stitched form may have changed: the entities and the old and
     *     new targets of their relations
     */
    static Set<String> upsert(Connection c, String sourceKey, Collection<ProcessedEntity> entities,
            Map<String, Stored> existing, Map<String, NewRow> created) throws SQLException {
        Set<String> dirty = new HashSet<>();
        if (entities.isEmpty()) {
            return dirty;
        }
        long now = System.currentTimeMillis();
        Map<String, String> uids = new LinkedHashMap<>();
        // Being written means being emitted: an orphan mark goes away.
        try (PreparedStatement update = c.prepareStatement("UPDATE catalog_entity SET kind = ?, namespace = ?, name = ?,"
                        + " source_key = ?, location_key = ?, processed_hash = ?, processed_json = ?, updated_at = ?,"
                        + " parent_refs = ?, orphaned_at = NULL WHERE uid = ?")) {
            for (ProcessedEntity e : entities) {
                Stored old = existing.get(e.ref());
                if (old == null) {
                    String uid = UUID.randomUUID().toString();
                    uids.put(e.ref(), uid);
                    created.put(e.ref(), NewRow.of(uid, sourceKey, e));
                } else {
                    String json = e.json();
                    uids.put(e.ref(), old.uid());
                    update.setString(1, lower(e.kind()));
                    update.setString(2, lower(e.namespace()));
                    update.setString(3, lower(e.name()));
                    update.setString(4, sourceKey);
                    update.setString(5, e.locationKey());
                    update.setString(6, e.hash());
                    update.setString(7, json);
                    update.setLong(8, now);
                    update.setString(9, e.parentColumn());
                    update.setString(10, old.uid());
                    update.addBatch();
                }
                dirty.add(e.ref());
            }
            update.executeBatch();
        }
        // Only entities that existed before can have relations to replace.
        dirty.addAll(deleteRelations(c, entities.stream().filter(e -> existing.containsKey(e.ref()))
                .map(e -> uids.get(e.ref())).toList()));
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO catalog_relation (emitter_uid, source_ref, type, target_ref) VALUES (?,?,?,?)")) {
            for (ProcessedEntity e : entities) {
                for (Edge edge : e.edges()) {
                    ps.setString(1, uids.get(e.ref()));
                    ps.setString(2, edge.source());
                    ps.setString(3, edge.type());
                    ps.setString(4, edge.target());
                    ps.addBatch();
                    dirty.add(edge.source());
                    dirty.add(edge.target());
                }
            }
            ps.executeBatch();
        }
        return dirty;
    }

    /**
     * Deletes entities with their relations and search rows.
     *
     * @return the references whose stitched form may change: the targets of the removed relations,
     *     and the removed entities themselves (stitching skips those, and the catalog's listeners learn
     *     of the removal from them)
     */
    static Set<String> delete(Connection c, Collection<Stored> rows) throws SQLException {
        if (rows.isEmpty()) {
            return Set.of();
        }
        List<String> uids = rows.stream().map(Stored::uid).toList();
        Set<String> dirty = deleteRelations(c, uids);
        for (List<String> chunk : chunks(uids)) {
            for (String table : List.of("catalog_search WHERE entity_uid", "catalog_entity WHERE uid")) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM " + table + " IN (" + QuerySql.placeholders(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    ps.executeUpdate();
                }
            }
        }
        rows.forEach(r -> dirty.add(r.ref()));
        return dirty;
    }

    private static Set<String> deleteRelations(Connection c, Collection<String> emitterUids) throws SQLException {
        Set<String> touched = new HashSet<>();
        for (List<String> chunk : chunks(emitterUids)) {
            String in = " WHERE emitter_uid IN (" + QuerySql.placeholders(chunk.size()) + ")";
            try (PreparedStatement ps = c.prepareStatement("SELECT source_ref, target_ref FROM catalog_relation" + in)) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        touched.add(rs.getString(1));
                        touched.add(rs.getString(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM catalog_relation" + in)) {
                bind(ps, chunk);
                ps.executeUpdate();
            }
        }
        return touched;
    }

    /**
     * Replaces the errors recorded for a source.
     *
     * @return the entity references whose errors changed (they need stitching)
     */
    static Set<String> replaceErrors(Connection c, String sourceKey, List<ProcessingError> errors) throws SQLException {
        // By entity: the messages recorded before and now. Only an entity whose messages differ is
        // touched, and nothing is written when no message changed (the usual refresh).
        Map<String, List<String>> before = new HashMap<>();
        List<String> beforeAll = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT entity_ref, location, message FROM catalog_error"
                + " WHERE source_key = ?")) {
            ps.setString(1, sourceKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    beforeAll.add(rs.getString(2) + '\n' + rs.getString(1) + '\n' + rs.getString(3));
                    if (rs.getString(1) != null) {
                        before.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(3));
                    }
                }
            }
        }
        Map<String, List<String>> now = new HashMap<>();
        List<String> nowAll = new ArrayList<>();
        for (ProcessingError e : errors) {
            String ref = storedRef(e);
            nowAll.add(clip(e.location(), 4000) + '\n' + ref + '\n' + clip(e.message(), 4000));
            if (ref != null) {
                now.computeIfAbsent(ref, k -> new ArrayList<>()).add(clip(e.message(), 4000));
            }
        }
        beforeAll.sort(null);
        nowAll.sort(null);
        if (beforeAll.equals(nowAll)) {
            return new HashSet<>();
        }
        Set<String> touched = new HashSet<>();
        Set<String> refs = new HashSet<>(before.keySet());
        refs.addAll(now.keySet());
        for (String ref : refs) {
            List<String> was = before.getOrDefault(ref, List.of()).stream().sorted().toList();
            List<String> is = now.getOrDefault(ref, List.of()).stream().sorted().toList();
            if (!was.equals(is)) {
                touched.add(ref);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM catalog_error WHERE source_key = ?")) {
            ps.setString(1, sourceKey);
            ps.executeUpdate();
        }
        long at = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO catalog_error (id, source_key, location, entity_ref,"
                + " message, at_ms) VALUES (?,?,?,?,?,?)")) {
            for (ProcessingError e : errors) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, sourceKey);
                ps.setString(3, clip(e.location(), 4000));
                ps.setString(4, storedRef(e));
                ps.setString(5, clip(e.message(), 4000));
                ps.setLong(6, at);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return touched;
    }

    /** The reference an error is recorded under: lower case, none when longer than the column. */
    private static String storedRef(ProcessingError e) {
        String ref = e.entityRef() == null ? null : lower(e.entityRef());
        return ref == null || ref.length() > 200 ? null : ref;
    }

    /** How many references one statement (and one stitching transaction) takes at most. */
    static final int CHUNK = 500;

    static List<List<String>> chunks(Collection<String> values) {
        List<List<String>> out = new ArrayList<>();
        List<String> all = new ArrayList<>(values);
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    static void bind(PreparedStatement ps, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(i + 1, values.get(i));
        }
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
