package dev.backlot.web.api;

import dev.backlot.catalog.EntityPredicate;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query of {@code POST /locations/by-query} and its cursor, as Backstage's catalog reads them.
 * The body is {@code {query?, limit?, cursor?}}; a {@code cursor} carries the whole query and wins
 * over the rest. The cursor is standard Base64 of {@code {"limit": n, "afterId": "<id>", "query": {...}}},
 * the shape Backstage's server gives it, so a cursor from either works the same way.
 *
 * @param query the predicate as sent (a JSON tree), kept as such for the cursor; null for none
 * @param predicate the same, parsed
 * @param limit the most locations on a page: 1 or more, {@value #DEFAULT_LIMIT} when not given
 * @param afterId the id of the last location of the previous page; null on the first
 */
record LocationQuery(Object query, EntityPredicate predicate, int limit, String afterId) {

    /** Backstage's default: a page this large is, for most catalogs, every location. */
    static final int DEFAULT_LIMIT = 1000;

    static LocationQuery of(Map<String, Object> body) {
        Object cursor = body.get("cursor");
        if (cursor != null) {
            if (!(cursor instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException("cursor must be pageInfo.nextCursor of an earlier answer");
            }
            return decode(text);
        }
        return read(body, "");
    }

    /** The cursor of the page after the location {@code lastId}. */
    String next(String lastId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("limit", limit);
        json.put("afterId", lastId);
        if (query != null) {
            json.put("query", query);
        }
        try {
            return Base64.getEncoder().encodeToString(ApiJson.MAPPER.writeValueAsBytes(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocationQuery decode(String cursor) {
        Map<String, Object> json;
        try {
            // Either alphabet, with or without padding: a URL-safe copy of the cursor is still the cursor.
            byte[] bytes = Base64.getDecoder().decode(cursor.trim().replace('-', '+').replace('_', '/'));
            json = ApiJson.object(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (json.get("limit") == null || json.get("afterId") != null && !(json.get("afterId") instanceof String)) {
            throw malformed();
        }
        LocationQuery read = read(json, "cursor ");
        return new LocationQuery(read.query(), read.predicate(), read.limit(), (String) json.get("afterId"));
    }

    private static IllegalArgumentException malformed() {
        return new IllegalArgumentException("Malformed cursor: pass pageInfo.nextCursor of an earlier answer of"
                + " POST /locations/by-query");
    }

    private static LocationQuery read(Map<String, Object> json, String source) {
        Object query = json.get("query");
        if (query != null && !(query instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(source + "query must be a predicate object such as {\"type\": \"url\"}");
        }
        return new LocationQuery(query, EntityPredicate.parse(query), limit(json.get("limit"), source), null);
    }

    /** A whole number of 1 or more, written as JSON writes it ({@code 20}, {@code 20.0}); larger than an int is all. */
    private static int limit(Object value, String source) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        BigInteger n = null;
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            n = new BigInteger(value.toString());
        } else if (value instanceof Number number && Double.isFinite(number.doubleValue())
                && number.doubleValue() == Math.rint(number.doubleValue())) {
            n = java.math.BigDecimal.valueOf(number.doubleValue()).toBigInteger();
        }
        if (n == null || n.signum() <= 0) {
            throw new IllegalArgumentException(source + "limit must be a whole number of 1 or more, was " + value);
        }
        return n.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }
}
