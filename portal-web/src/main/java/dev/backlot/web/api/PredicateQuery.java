package dev.backlot.web.api;

import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityOrder;
import dev.backlot.catalog.EntityPredicate;
import dev.backlot.catalog.EntityQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query of {@code POST /entities/by-query} and its cursor. The body is
 * {@code {query?, limit?, offset?, orderBy?: [{field, order}], fullTextFilter?: {term, fields?},
 * fields?, totalItems?, cursor?}}; a cursor carries everything but {@code limit} and {@code fields}.
 *
 * <p>The cursor is standard Base64 of JSON that always has a {@code query} key: Backstage's
 * {@code @backstage/catalog-client} sends a follow-up cursor to this endpoint exactly when
 * {@code JSON.parse(atob(cursor))} has one (the GET endpoint's cursor has none, and is Base64url,
 * which {@code atob} may refuse).
 *
 * @param query the predicate as sent (a JSON tree), kept as such for the cursor
 * @param predicate the same, parsed
 * @param countTotal false for {@code totalItems: "exclude"} (or {@code false}): no count, 0 reported
 */
record PredicateQuery(Object query, EntityPredicate predicate, List<EntityOrder> orderBy, String fullTextTerm, List<String> fullTextFields,
        int offset, boolean countTotal) {

    /** Reads the body; a {@code cursor} in it wins over everything but {@code limit} and {@code fields}. */
    static PredicateQuery of(Map<String, Object> body) {
        if (body.get("cursor") instanceof String cursor && !cursor.isBlank()) {
            return decode(cursor);
        }
        if (body.get("cursor") != null && !(body.get("cursor") instanceof String)) {
            throw new IllegalArgumentException("cursor must be a string from pageInfo of an earlier answer");
        }
        return read(body, "");
    }

    /** The catalog query for a page of {@code limit} (one more when the total is not counted). */
    EntityQuery toEntityQuery(int limit) {
        return new EntityQuery(EntityFilter.ALL, orderBy, offset, limit, fullTextTerm, fullTextFields, predicate);
    }

    PredicateQuery at(int newOffset) {
        return new PredicateQuery(query, predicate, orderBy, fullTextTerm, fullTextFields, newOffset, countTotal);
    }

    String encode() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("query", query == null ? Map.of() : query);
        json.put("orderBy", orderBy.stream()
                .map(o -> ApiJson.ordered("field", o.field(), "order", o.ascending() ? "asc" : "desc")).toList());
        if (fullTextTerm != null) {
            json.put("fullTextFilter", ApiJson.ordered("term", fullTextTerm, "fields", fullTextFields));
        }
        json.put("offset", offset);
        json.put("totalItems", countTotal ? "include" : "exclude");
        try {
            return Base64.getEncoder().encodeToString(ApiJson.MAPPER.writeValueAsBytes(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static PredicateQuery decode(String cursor) {
        Map<String, Object> json;
        try {
            // Either alphabet, with or without padding: a URL-safe copy of the cursor is still the cursor.
            byte[] bytes = Base64.getDecoder().decode(cursor.trim().replace('-', '+').replace('_', '/'));
            json = ApiJson.object(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed cursor: pass pageInfo.nextCursor or prevCursor of an earlier answer");
        }
        if (!json.containsKey("query")) {
            throw new IllegalArgumentException("This cursor belongs to GET /entities/by-query, not to POST");
        }
        return read(json, "cursor ");
    }

    private static PredicateQuery read(Map<String, Object> json, String source) {
        Object query = json.get("query");
        if (query != null && !(query instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(source + "query must be a predicate object such as {\"kind\": \"component\"}");
        }
        EntityPredicate predicate = EntityPredicate.parse(query);
        List<EntityOrder> orderBy = new ArrayList<>();
        Object order = json.get("orderBy");
        if (order != null) {
            if (!(order instanceof List<?> list)) {
                throw new IllegalArgumentException(source + "orderBy must be a list of {\"field\": ..., \"order\": \"asc\"|\"desc\"}");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> o) || !(o.get("field") instanceof String field) || field.isBlank()) {
                    throw new IllegalArgumentException(source + "orderBy[" + i + "] must be {\"field\": ..., \"order\": \"asc\"|\"desc\"}");
                }
                Object direction = o.get("order") == null ? "asc" : o.get("order");
                if (!"asc".equals(direction) && !"desc".equals(direction)) {
                    throw new IllegalArgumentException(source + "orderBy[" + i + "].order must be asc or desc, was " + direction);
                }
                orderBy.add(new EntityOrder(field, "asc".equals(direction)));
            }
        }
        String term = null;
        List<String> termFields = List.of();
        Object fullText = json.get("fullTextFilter");
        if (fullText != null) {
            if (!(fullText instanceof Map<?, ?> ft) || ft.get("term") != null && !(ft.get("term") instanceof String)
                    || ft.get("fields") != null && !(ft.get("fields") instanceof List<?>)) {
                throw new IllegalArgumentException(source + "fullTextFilter must be {\"term\": \"...\", \"fields\": [...]}");
            }
            String t = (String) ft.get("term");
            term = t == null || t.isBlank() ? null : t.trim();
            termFields = ft.get("fields") == null ? List.of() : ApiJson.strings(ft.get("fields"), source + "fullTextFilter.fields");
        }
        return new PredicateQuery(query, predicate, orderBy, term, termFields,
                ApiJson.count(json.get("offset"), source + "offset", 0), countTotal(json.get("totalItems"), source));
    }

    private static boolean countTotal(Object value, String source) {
        if (value == null || "include".equals(value) || Boolean.TRUE.equals(value)) {
            return true;
        }
        if ("exclude".equals(value) || Boolean.FALSE.equals(value)) {
            return false;
        }
        throw new IllegalArgumentException(source + "totalItems must be \"include\" or \"exclude\", was " + value);
    }
}
