package dev.backlot.catalog.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An entity after processing, ready to store: its JSON, the relations it emits (both directions),
 * the file or URL it was read from and the entities that emitted it (for the ancestry).
 *
 * <p>The entity is kept as JSON, not as a tree: a run holds every entity its source emits until they
 * are stored, and a tree of maps takes several times the memory of its text (a 100k-entity location
 * did not fit in a 1 GiB heap as trees). The JSON is written once, here, and is what the row stores.
 *
 * @param json the processed entity as JSON ({@link Json#write})
 */
record ProcessedEntity(String ref, String kind, String namespace, String name, String json,
        List<Edge> edges, String locationKey, List<String> parentRefs) {

    ProcessedEntity {
        ref = ref.toLowerCase(Locale.ROOT);
        edges = List.copyOf(edges);
        parentRefs = List.copyOf(parentRefs);
    }

    /** The same entity with these parents. */
    ProcessedEntity withParents(List<String> parents) {
        return new ProcessedEntity(ref, kind, namespace, name, json, edges, locationKey, parents);
    }

    /** The parents as stored: comma-separated (entity references have no commas), null for none. */
    String parentColumn() {
        return parentRefs.isEmpty() ? null : String.join(",", parentRefs);
    }

    /** Changes whenever the stored form would change; unchanged entities are not written again. */
    String hash() {
        return Json.sha256(json + '\n' + edges + '\n' + locationKey + '\n' + parentRefs);
    }

    /** The entity as a tree, parsed from its JSON: a new tree at each call. */
    Map<String, Object> entity() {
        return Json.read(json);
    }
}
