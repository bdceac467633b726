package dev.backlot.catalog;

/**
 * A registered root location, read with everything it points to.
 *
 * @param id a UUID
 * @param type {@code file} or {@code url}
 * @param target a path or URL
 */
public record CatalogLocation(String id, String type, String target) {
}
