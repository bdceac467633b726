package dev.backlot.catalog.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An entity after processing, ready to store: its tree, the relations it emits (both directions),
 * the file or URL it was read from and the entities that emitted it (for the ancestry).
 */
record ProcessedEntity(String ref, String kind, String namespace, String name, Map<String, Object> entity,
        List<Edge> edges, String locationKey, List<String> parentRefs) {

    ProcessedEntity {
        ref = ref.toLowerCase(Locale.ROOT);
        edges = List.copyOf(edges);
        parentRefs = List.copyOf(parentRefs);
    }

    /** The same entity with these parents. */
    ProcessedEntity withParents(List<String> parents) {
        return new ProcessedEntity(ref, kind, namespace, name, entity, edges, locationKey, parents);
    }

    /** The parents as stored: comma-separated (entity references have no commas), null for none. */
    String parentColumn() {
        return parentRefs.isEmpty() ? null : String.join(",", parentRefs);
    }

    /** Changes whenever the stored form would change; unchanged entities are not written again. */
    String hash() {
        return Json.sha256(Json.write(entity) + '\n' + edges + '\n' + locationKey + '\n' + parentRefs);
    }
}
