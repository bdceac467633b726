package dev.backlot.catalog.internal;

import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.CatalogJson;
import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityPredicate;
import dev.backlot.catalog.EntityQuery;
import dev.backlot.catalog.FacetValue;
import dev.backlot.catalog.ProcessingError;
import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.persistence.Database;
import dev.backlot.persistence.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog's reads, straight SQL over the stitched rows.
 *
 * <p>Every read is bounded: the database cancels a statement that runs longer than the read
 * timeout ({@code PORTAL_DB_READ_TIMEOUT_MS}), and the caller gets a {@link ServiceUnavailableException}
 * (503) saying so, rather than a request that holds a connection and a core for minutes. A read that
 * meets a passing condition (the search table being swapped in by a bulk load) is tried again.
 */
final class CatalogQueries {

    private final Database database;
    private final long timeoutMs;

    CatalogQueries(Database database, long timeoutMs) {
        this.database = database;
        this.timeoutMs = timeoutMs;
    }

    private <T> T read(Database.SqlWork<T> work) {
        try {
            return database.read(timeoutMs, work);
        } catch (RuntimeException e) {
            if (Dialect.timedOut(e)) {
                throw new ServiceUnavailableException("the catalog", "the query ran longer than " + timeoutMs
                        + " ms (PORTAL_DB_READ_TIMEOUT_MS) and was cancelled; narrow the filter or try again");
            }
            throw e;
        }
    }

    /**
     * Two steps: the page's uids first (sorting narrow rows), then their JSON. Sorting whole rows
     * would drag every matching entity's JSON through the sort.
     */
    List<String> entities(EntityQuery query) {
        QuerySql q = new QuerySql().where(query.filter(), query.fullTextTerm(), query.fullTextFields(), query.order())
                .and(query.predicate()).orderBy(query.order(), query.filter()).window(query);
        return read(c -> {
            List<String> uids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT e.uid FROM catalog_entity e" + q.sql)) {
                bind(ps, q.params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        uids.add(rs.getString(1));
                    }
                }
            }
            Map<String, String> byUid = new java.util.HashMap<>();
            for (List<String> chunk : CatalogStore.chunks(uids)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT uid, final_json FROM catalog_entity WHERE uid IN ("
                        + QuerySql.placeholders(chunk.size()) + ")")) {
                    CatalogStore.bind(ps, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byUid.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
            }
            List<String> out = new ArrayList<>(uids.size());
            uids.forEach(uid -> out.add(byUid.get(uid)));
            return out;
        });
    }

    long count(EntityQuery query) {
        QuerySql q = new QuerySql().where(query.filter(), query.fullTextTerm(), query.fullTextFields(), query.order())
                .and(query.predicate());
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM catalog_entity e" + q.sql)) {
                bind(ps, q.params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    Optional<String> byRef(String ref) {
        return one("SELECT final_json FROM catalog_entity WHERE entity_ref = ?",
                ref.toLowerCase(Locale.ROOT));
    }

    Optional<String> byUid(String uid) {
        return one("SELECT final_json FROM catalog_entity WHERE uid = ?", uid);
    }

    /** The entities with these (canonical) references that match the predicate, by reference. */
    Map<String, String> byRefs(List<String> refs, EntityPredicate predicate) {
        QuerySql matching = new QuerySql().where(EntityFilter.ALL, null, List.of(), List.of()).and(predicate);
        return read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (List<String> chunk : CatalogStore.chunks(refs)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT e.entity_ref, e.final_json FROM catalog_entity e"
                        + matching.sql + " AND e.entity_ref IN (" + QuerySql.placeholders(chunk.size()) + ")")) {
                    List<Object> params = new ArrayList<>(matching.params);
                    params.addAll(chunk);
                    bind(ps, params);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
            }
            return out;
        });
    }

    /**
     * Walks up from the entity through the stored parent references, as Backstage does: depth
     * first, each entity once, parents that are gone left out.
     */
    Optional<CatalogJson.Ancestry> ancestry(String ref) {
        String root = ref.toLowerCase(Locale.ROOT);
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT final_json, parent_refs FROM catalog_entity WHERE entity_ref = ?")) {
                String first = withParents(ps, root).entity();
                if (first == null) {
                    return Optional.<CatalogJson.Ancestry>empty();
                }
                List<CatalogJson.Ancestry.Item> items = new ArrayList<>();
                Set<String> seen = new HashSet<>(List.of(root));
                Deque<String> todo = new ArrayDeque<>(List.of(root));
                while (!todo.isEmpty()) {
                    String current = todo.pop();
                    Row row = withParents(ps, current);
                    if (row.entity() == null) {
                        continue;
                    }
                    List<String> present = new ArrayList<>();
                    for (String parent : row.parentRefs()) {
                        if (parent.equals(current)) {
                            continue;
                        }
                        if (withParents(ps, parent).entity() != null) {
                            present.add(parent);
                            if (seen.add(parent)) {
                                todo.push(parent);
                            }
                        }
                    }
                    items.add(new CatalogJson.Ancestry.Item(row.entity(), present));
                }
                return Optional.of(new CatalogJson.Ancestry(root, items));
            }
        });
    }

    /** The stitched entity (null when absent) and its stored parent references. */
    private record Row(String entity, List<String> parentRefs) {
    }

    private static Row withParents(PreparedStatement ps, String ref) throws SQLException {
        ps.setString(1, ref);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new Row(null, List.of());
            }
            String parents = rs.getString(2);
            return new Row(rs.getString(1),
                    parents == null || parents.isEmpty() ? List.of() : List.of(parents.split(",")));
        }
    }

    Optional<String> sourceOf(String ref) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT source_key FROM catalog_entity WHERE entity_ref = ?")) {
                ps.setString(1, ref.toLowerCase(Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** All facets in one statement: one pass over the search index for every key asked. */
    Map<String, List<FacetValue>> facets(List<String> facets, EntityFilter filter, EntityPredicate predicate) {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String facet : facets) {
            out.put(facet, new ArrayList<>());
            byKey.putIfAbsent(facet.toLowerCase(Locale.ROOT), facet);
        }
        if (byKey.isEmpty()) {
            return out;
        }
        QuerySql where = new QuerySql().where(filter, null, List.of(), List.of()).and(predicate);
        boolean scoped = !filter.anyOf().isEmpty() || !EntityPredicate.ALL.equals(predicate);
        String scope = !scoped ? "" : " AND s.entity_uid IN (SELECT e.uid FROM catalog_entity e" + where.sql + ")";
        read(c -> {
            // Grouped by the lower-cased value (what filters match), shown as written.
            // H2 would otherwise walk the entity index for every entity in scope (its statistics say
            // entity_uid is selective), forty times slower than reading the facet's keys off the
            // covering index and checking the scope per row.
            String hint = database.dialect() == Dialect.H2 ? " USE INDEX (catalog_search_key_value)" : "";
            try (PreparedStatement ps = c.prepareStatement("SELECT s.skey, MIN(s.sorig), COUNT(*) FROM catalog_search s"
                    + hint + " WHERE s.skey IN (" + QuerySql.placeholders(byKey.size()) + ") AND s.svalue IS NOT NULL" + scope
                    + " GROUP BY s.skey, s.svalue ORDER BY 1, 3 DESC, 2")) {
                List<Object> params = new ArrayList<>(byKey.keySet());
                if (scoped) {
                    params.addAll(where.params);
                }
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.get(byKey.get(rs.getString(1))).add(new FacetValue(rs.getString(2), rs.getLong(3)));
                    }
                }
            }
            return null;
        });
        // A facet asked twice in different case gets the same values.
        facets.forEach(f -> out.computeIfPresent(f, (k, v) -> v.isEmpty() ? out.get(byKey.get(f.toLowerCase(Locale.ROOT))) : v));
        return out;
    }

    List<CatalogLocation> locations() {
        return read(c -> {
            List<CatalogLocation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, type, target FROM catalog_location ORDER BY created_at, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CatalogLocation(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    Optional<CatalogLocation> location(String id) {
        return oneLocation("id", id);
    }

    /** The location registered for this target, whatever its id. */
    Optional<CatalogLocation> locationByTarget(String type, String target) {
        // (type, target) is unique through its hash, indexed (a target is too long for an index).
        return oneLocation("target_hash", Json.sha256(type + ":" + target));
    }

    private Optional<CatalogLocation> oneLocation(String column, String value) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, type, target FROM catalog_location WHERE "
                    + column + " = ?")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new CatalogLocation(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.<CatalogLocation>empty();
                }
            }
        });
    }

    List<ProcessingError> errors() {
        return read(c -> {
            List<ProcessingError> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT location, entity_ref, message FROM catalog_error ORDER BY at_ms DESC, location, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ProcessingError(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    List<dev.backlot.catalog.ProcessingProblem> problems() {
        return read(c -> {
            List<dev.backlot.catalog.ProcessingProblem> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT location, entity_ref, message, source_key, at_ms"
                    + " FROM catalog_error ORDER BY at_ms DESC, location, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String source = rs.getString(4);
                    out.add(new dev.backlot.catalog.ProcessingProblem(new ProcessingError(rs.getString(1), rs.getString(2),
                            rs.getString(3)), source != null && source.startsWith("location:")
                                    ? source.substring("location:".length()) : null,
                            java.time.Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
            return out;
        });
    }

    private Optional<String> one(String sql, String value) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
