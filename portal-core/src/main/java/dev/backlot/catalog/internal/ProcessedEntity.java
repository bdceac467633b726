package dev.backlot.catalog.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An entity after processing, ready to store: its tree, the relations it emits (both directions)
 * and the file or URL it was read from.
 */
record ProcessedEntity(String ref, String kind, String namespace, String name, Map<String, Object> entity,
        List<Edge> edges, String locationKey) {

    ProcessedEntity {
        ref = ref.toLowerCase(Locale.ROOT);
        edges = List.copyOf(edges);
    }

    /** Changes whenever the stored form would change; unchanged entities are not written again. */
    String hash() {
        return Json.sha256(Json.write(entity) + '\n' + edges + '\n' + locationKey);
    }
}
