package dev.backlot.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the final entity the API serves from what processing stored: the processed entity, every
 * relation whose source is the entity (whichever entity emitted it: that is how {@code ownerOf}
 * reaches a group), its processing errors under {@code status.items}, its uid and an etag that
 * changes with every change. Then rebuilds its search rows.
 *
 * <p>Works in chunks of references so that a whole location of thousands of entities stitches with
 * a handful of statements per chunk.
 */
final class Stitcher {

    private Stitcher() {
    }

    /** Stitches those of {@code refs} that exist; returns how many were stitched. */
    static int stitch(Connection c, Collection<String> refs) throws SQLException {
        return stitch(c, refs, Map.of(), Map.of());
    }

    /**
     * Stitches those of {@code refs} that exist.
     *
     * @param fresh processed trees just written in this transaction, by reference: used instead of
     *     reading and parsing their JSON back
     * @param created entities that have no row yet: inserted here, complete
     */
    static int stitch(Connection c, Collection<String> refs, Map<String, Map<String, Object>> fresh,
            Map<String, CatalogStore.NewRow> created) throws SQLException {
        return stitch(c, refs, fresh, created, SearchLoad.LIVE);
    }

    /**
     * Stitches those of {@code refs} that exist, writing their search rows into {@code searchTable}:
     * the live table, or a bulk load's ({@link SearchLoad#LOAD}).
     */
    static int stitch(Connection c, Collection<String> refs, Map<String, Map<String, Object>> fresh,
            Map<String, CatalogStore.NewRow> created, String searchTable) throws SQLException {
        int count = 0;
        for (List<String> chunk : CatalogStore.chunks(new TreeSet<>(refs))) {
            count += stitchChunk(c, chunk, fresh, created, searchTable);
        }
        return count;
    }

    private static int stitchChunk(Connection c, List<String> refs, Map<String, Map<String, Object>> fresh,
            Map<String, CatalogStore.NewRow> created, String searchTable) throws SQLException {
        String in = QuerySql.placeholders(refs.size());
        Map<String, String> uids = new LinkedHashMap<>();
        Map<String, Map<String, Object>> processed = new HashMap<>();
        List<String> toRead = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT entity_ref, uid FROM catalog_entity WHERE entity_ref IN (" + in + ")")) {
            CatalogStore.bind(ps, refs);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    uids.put(rs.getString(1), rs.getString(2));
                    Map<String, Object> tree = fresh.get(rs.getString(1));
                    if (tree != null) {
                        processed.put(rs.getString(1), tree);
                    } else {
                        toRead.add(rs.getString(1));
                    }
                }
            }
        }
        if (!toRead.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT entity_ref, processed_json FROM catalog_entity"
                    + " WHERE entity_ref IN (" + QuerySql.placeholders(toRead.size()) + ")")) {
                CatalogStore.bind(ps, toRead);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        processed.put(rs.getString(1), Json.read(rs.getString(2)));
                    }
                }
            }
        }
        for (String ref : refs) {
            CatalogStore.NewRow row = created.get(ref);
            if (row != null) {
                uids.put(ref, row.uid());
                processed.put(ref, Json.read(row.json()));
            }
        }
        if (uids.isEmpty()) {
            return 0;
        }
        List<String> present = new ArrayList<>(uids.keySet());
        String presentIn = QuerySql.placeholders(present.size());
        Map<String, TreeSet<String>> relations = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT source_ref, type, target_ref FROM catalog_relation WHERE source_ref IN (" + presentIn + ")")) {
            CatalogStore.bind(ps, present);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // "type\ttarget" sorts by type, then target, as Backstage orders them
                    relations.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2) + '\t' + rs.getString(3));
                }
            }
        }
        Map<String, List<Map<String, Object>>> errors = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT entity_ref, message FROM catalog_error WHERE entity_ref IN ("
                + presentIn + ") ORDER BY at_ms, id")) {
            CatalogStore.bind(ps, present);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("type", "backstage.io/catalog-processing");
                    item.put("level", "error");
                    item.put("message", rs.getString(2));
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("name", "Error");
                    error.put("message", rs.getString(2));
                    item.put("error", error);
                    errors.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(item);
                }
            }
        }
        long now = System.currentTimeMillis();
        try (PreparedStatement update = c.prepareStatement("UPDATE catalog_entity SET final_json = ?, etag = ? WHERE uid = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO catalog_entity (uid, entity_ref, kind, namespace,"
                        + " name, source_key, location_key, processed_hash, processed_json, final_json, etag, updated_at,"
                        + " parent_refs) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement search = c.prepareStatement(
                        "INSERT INTO " + searchTable + " (entity_uid, skey, svalue, sorig) VALUES (?,?,?,?)")) {
            // Entities created in this run have no search rows yet: nothing to delete for them.
            List<String> stored = uids.entrySet().stream().filter(r -> !created.containsKey(r.getKey()))
                    .map(Map.Entry::getValue).toList();
            if (!stored.isEmpty()) {
                try (PreparedStatement clear = c.prepareStatement("DELETE FROM " + searchTable + " WHERE entity_uid IN ("
                        + QuerySql.placeholders(stored.size()) + ")")) {
                    CatalogStore.bind(clear, stored);
                    clear.executeUpdate();
                }
            }
            for (Map.Entry<String, String> row : uids.entrySet()) {
                String uid = row.getValue();
                Map<String, Object> entity = finalEntity(processed.get(row.getKey()), uid,
                        relations.getOrDefault(row.getKey(), new TreeSet<>()), errors.get(row.getKey()));
                CatalogStore.NewRow newRow = created.get(row.getKey());
                if (newRow == null) {
                    update.setString(1, Json.write(entity));
                    update.setString(2, etag(entity));
                    update.setString(3, uid);
                    update.addBatch();
                } else {
                    insert.setString(1, uid);
                    insert.setString(2, newRow.ref());
                    insert.setString(3, newRow.kind());
                    insert.setString(4, newRow.namespace());
                    insert.setString(5, newRow.name());
                    insert.setString(6, newRow.sourceKey());
                    insert.setString(7, newRow.locationKey());
                    insert.setString(8, newRow.hash());
                    insert.setString(9, newRow.json());
                    insert.setString(10, Json.write(entity));
                    insert.setString(11, etag(entity));
                    insert.setLong(12, now);
                    insert.setString(13, newRow.parents());
                    insert.addBatch();
                }
                for (SearchRows.Row r : SearchRows.of(entity)) {
                    search.setString(1, uid);
                    search.setString(2, r.key());
                    search.setString(3, r.value());
                    search.setString(4, r.original());
                    search.addBatch();
                }
            }
            update.executeBatch();
            insert.executeBatch();
            search.executeBatch();
        }
        return uids.size();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> finalEntity(Map<String, Object> processed, String uid, TreeSet<String> relations,
            List<Map<String, Object>> errors) {
        Map<String, Object> entity = new LinkedHashMap<>(processed);
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) processed.get("metadata"));
        metadata.put("uid", uid);
        metadata.remove("etag");
        entity.put("metadata", metadata);
        List<Map<String, Object>> list = new ArrayList<>();
        for (String relation : relations) {
            int tab = relation.indexOf('\t');
            // Ordered maps throughout: Map.of iterates in a per-JVM random order, and clients (and
            // etags) deserve the same JSON every time.
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", relation.substring(0, tab));
            item.put("targetRef", relation.substring(tab + 1));
            list.add(item);
        }
        entity.put("relations", list);
        if (errors != null) {
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("items", errors);
            entity.put("status", status);
        } else {
            entity.remove("status");
        }
        // The etag is the hash of everything else, so it changes exactly when the entity does.
        metadata.put("etag", etagOf(entity));
        return entity;
    }

    /** The etag {@link #finalEntity} put into the entity's metadata. */
    @SuppressWarnings("unchecked")
    private static String etag(Map<String, Object> entity) {
        return (String) ((Map<String, Object>) entity.get("metadata")).get("etag");
    }

    private static String etagOf(Map<String, Object> entity) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) entity.get("metadata");
        Object etag = metadata.remove("etag");
        String hash = Json.sha256(Json.write(entity)).substring(0, 40);
        if (etag != null) {
            metadata.put("etag", etag);
        }
        return hash;
    }
}
