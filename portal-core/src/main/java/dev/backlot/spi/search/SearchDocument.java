package dev.backlot.spi.search;

import java.util.Map;
import java.util.Objects;

/**
 * One searchable document, in Backstage's shape.
 *
 * <pre>{@code
 * new SearchDocument("Payments API", "Takes and refunds payments", "/catalog/default/api/payments",
 *         Map.of("kind", "API", "owner", "group:default/team-a"));
 * }</pre>
 *
 * <p>Fields the portal knows ({@code kind}, {@code namespace}, {@code name}, {@code owner},
 * {@code lifecycle}, {@code type}, {@code system}, {@code tags} as a comma-separated list) are
 * filters and facets of the search page; any other field name (letters, digits, {@code _ . -}, at
 * most 64 characters; others are dropped) becomes a filter of its own and is searched as text.
 *
 * @param title shown as the result heading
 * @param text the body that is searched
 * @param location the portal-relative link to open, e.g. {@code /catalog/default/component/petstore},
 *     or an {@code http(s)} URL for a document outside the portal
 * @param fields further string fields to filter on (kind, owner, lifecycle, ...)
 * @param id the document's identity within its type; {@code null} to derive it from the location
 *     (two documents of one type with one location are then one document)
 */
public record SearchDocument(String title, String text, String location, Map<String, String> fields, String id) {
    public SearchDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(location, "location");
        text = text == null ? "" : text;
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** A document whose identity is its location. */
    public SearchDocument(String title, String text, String location, Map<String, String> fields) {
        this(title, text, location, fields, null);
    }
}
