package dev.backlot.catalog.internal;

import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityQuery;
import dev.backlot.catalog.FacetValue;
import dev.backlot.catalog.ProcessingError;
import dev.backlot.persistence.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The catalog's reads, straight SQL over the stitched rows. */
final class CatalogQueries {

    private final Database database;

    CatalogQueries(Database database) {
        this.database = database;
    }

    List<Map<String, Object>> entities(EntityQuery query) {
        QuerySql q = new QuerySql().where(query.filter(), query.fullTextTerm(), query.fullTextFields(), query.order())
                .orderBy(query.order()).window(query);
        return database.jdbc(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT e.final_json FROM catalog_entity e" + q.sql)) {
                bind(ps, q.params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Json.read(rs.getString(1)));
                    }
                }
            }
            return out;
        });
    }

    long count(EntityQuery query) {
        QuerySql q = new QuerySql().where(query.filter(), query.fullTextTerm(), query.fullTextFields(), query.order());
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM catalog_entity e" + q.sql)) {
                bind(ps, q.params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    Optional<Map<String, Object>> byRef(String ref) {
        return one("SELECT final_json FROM catalog_entity WHERE entity_ref = ? AND final_json IS NOT NULL",
                ref.toLowerCase(Locale.ROOT));
    }

    Optional<Map<String, Object>> byUid(String uid) {
        return one("SELECT final_json FROM catalog_entity WHERE uid = ? AND final_json IS NOT NULL", uid);
    }

    Map<String, Map<String, Object>> byRefs(List<String> refs) {
        return database.jdbc(c -> {
            Map<String, Map<String, Object>> out = new LinkedHashMap<>();
            for (List<String> chunk : CatalogStore.chunks(refs)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT entity_ref, final_json FROM catalog_entity"
                        + " WHERE final_json IS NOT NULL AND entity_ref IN (" + QuerySql.placeholders(chunk.size()) + ")")) {
                    CatalogStore.bind(ps, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), Json.read(rs.getString(2)));
                        }
                    }
                }
            }
            return out;
        });
    }

    Optional<String> sourceOf(String ref) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT source_key FROM catalog_entity WHERE entity_ref = ?")) {
                ps.setString(1, ref.toLowerCase(Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    Map<String, List<FacetValue>> facets(List<String> facets, EntityFilter filter) {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        QuerySql where = new QuerySql().where(filter, null, List.of(), List.of());
        database.jdbc(c -> {
            for (String facet : facets) {
                String key = facet.toLowerCase(Locale.ROOT);
                List<FacetValue> values = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT s.sorig, COUNT(DISTINCT s.entity_uid) FROM catalog_search s"
                        + " WHERE s.skey = ? AND s.sorig IS NOT NULL AND s.entity_uid IN (SELECT e.uid FROM catalog_entity e"
                        + where.sql + ") GROUP BY s.sorig ORDER BY 2 DESC, 1")) {
                    List<Object> params = new ArrayList<>();
                    params.add(key);
                    params.addAll(where.params);
                    bind(ps, params);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            values.add(new FacetValue(rs.getString(1), rs.getLong(2)));
                        }
                    }
                }
                out.put(facet, values);
            }
            return null;
        });
        return out;
    }

    List<CatalogLocation> locations() {
        return database.jdbc(c -> {
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

    List<ProcessingError> errors() {
        return database.jdbc(c -> {
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

    private Optional<Map<String, Object>> one(String sql, String value) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Json.read(rs.getString(1))) : Optional.<Map<String, Object>>empty();
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
