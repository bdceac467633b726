package dev.backlot.web.api;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The opaque {@code cursor} of {@code GET /entities/by-query}: the query itself and the position,
 * Base64url-encoded JSON, so that the next page needs only {@code cursor} (and optionally
 * {@code limit} and {@code fields}), as in Backstage.
 */
record QueryCursor(List<String> filter, List<String> orderField, String fullTextFilterTerm,
        List<String> fullTextFilterFields, int offset) {

    String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ApiJson.MAPPER.writeValueAsBytes(this));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static QueryCursor decode(String cursor) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(cursor.trim());
            return ApiJson.MAPPER.readValue(new String(json, StandardCharsets.UTF_8), new TypeReference<QueryCursor>() {
            });
        } catch (Exception e) {
            throw new IllegalArgumentException("Malformed cursor");
        }
    }
}
