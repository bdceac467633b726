package dev.backlot.catalog.internal.read;

import java.util.Map;

/**
 * An entity read by a crawl, placeholders resolved and location annotations set, not yet validated.
 *
 * @param entity the entity tree, owned by the receiver
 * @param location the file ({@code file:/abs/path/catalog-info.yaml}, real path) or url it was read from
 */
public record Emitted(Map<String, Object> entity, LocationRef location) {}
