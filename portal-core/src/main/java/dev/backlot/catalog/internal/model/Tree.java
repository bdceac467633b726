package dev.backlot.catalog.internal.model;

import java.util.List;
import java.util.Map;

/**
 * Typed, never-throwing reads of a JSON-like tree. Entities come from untrusted YAML, so every
 * lookup tolerates any shape: a value of the wrong type reads as {@code null}.
 */
final class Tree {

    private Tree() {
    }

    /** The value as a map, or {@code null} when it is not one. */
    static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : null;
    }

    /** The value as a list, or {@code null} when it is not one. */
    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : null;
    }

    /** The value as a string, or {@code null} when it is not one. */
    static String string(Object value) {
        return value instanceof String text ? text : null;
    }

    /** {@code map.get(key)}, or {@code null} when {@code map} is not a map. */
    static Object get(Object map, String key) {
        Map<?, ?> m = map(map);
        return m == null ? null : m.get(key);
    }
}
