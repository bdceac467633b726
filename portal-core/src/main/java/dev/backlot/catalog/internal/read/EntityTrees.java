package dev.backlot.catalog.internal.read;

import java.util.Map;

/** Safe reads of envelope fields from an unvalidated entity tree: wrong shapes give null, never an exception. */
final class EntityTrees {

    private EntityTrees() {}

    static boolean isLocation(Map<String, Object> entity) {
        return entity.get("kind") instanceof String kind && kind.equalsIgnoreCase("Location");
    }

    /** {@code kind namespace/name} as far as known, for messages. */
    static String describe(Map<String, Object> entity) {
        Object kind = entity.get("kind");
        Map<?, ?> metadata = entity.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        Object namespace = metadata.get("namespace");
        Object name = metadata.get("name");
        return "entity " + (kind instanceof String k ? k : "(no kind)") + " "
                + (namespace instanceof String ns ? ns + "/" : "")
                + (name instanceof String n ? n : "(no name)");
    }
}
