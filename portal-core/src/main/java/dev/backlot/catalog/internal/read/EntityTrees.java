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

    /** {@code location:namespace/name} in lower case, as the stored reference of a Location entity; null without a name. */
    static String locationRef(Map<String, Object> entity) {
        Map<?, ?> metadata = entity.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        if (!(metadata.get("name") instanceof String name)) {
            return null;
        }
        String namespace = metadata.get("namespace") instanceof String ns ? ns : "default";
        return ("location:" + namespace + "/" + name).toLowerCase(java.util.Locale.ROOT);
    }
}
