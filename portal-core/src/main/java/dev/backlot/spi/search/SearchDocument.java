package dev.backlot.spi.search;

import java.util.Map;
import java.util.Objects;

/**
 * One searchable document, in Backstage's shape.
 *
 * @param title shown as the result heading
 * @param text the body that is searched
 * @param location the portal-relative link to open, e.g. {@code /catalog/default/component/petstore}
 * @param fields further string fields to filter on (kind, owner, lifecycle, ...)
 */
public record SearchDocument(String title, String text, String location, Map<String, String> fields) {
    public SearchDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(location, "location");
        text = text == null ? "" : text;
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
