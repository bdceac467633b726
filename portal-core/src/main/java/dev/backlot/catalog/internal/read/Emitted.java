package dev.backlot.catalog.internal.read;

import java.util.List;
import java.util.Map;

/**
 * An entity read by a crawl, placeholders resolved and location annotations set, not yet validated.
 *
 * @param entity the entity tree, owned by the receiver
 * @param location the file ({@code file:/abs/path/catalog-info.yaml}, real path) or url it was read from
 * @param parentRefs the lower-case references of the Location entities whose targets led to
 *     {@code location} (see {@link LocationCrawler}); empty when none is known
 */
public record Emitted(Map<String, Object> entity, LocationRef location, List<String> parentRefs) {

    public Emitted {
        parentRefs = List.copyOf(parentRefs);
    }

    public Emitted(Map<String, Object> entity, LocationRef location) {
        this(entity, location, List.of());
    }
}
