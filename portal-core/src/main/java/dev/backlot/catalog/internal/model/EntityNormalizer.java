package dev.backlot.catalog.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.backlot.model.EntityRef;

/**
 * Brings an entity into the form the catalog stores and compares: {@code metadata.namespace}
 * filled in, and the reference lists whose order carries no meaning sorted, so that reordering
 * them in the source is not seen as a change.
 */
public final class EntityNormalizer {

    /** The spec lists Backstage sorts before comparing entities. */
    static final List<String> SORTED_SPEC_LISTS = List.of("providesApis", "consumesApis", "dependsOn", "dependencyOf");

    private EntityNormalizer() {
    }

    /**
     * Returns a normalised deep copy; the input is never modified.
     *
     * <ul>
     *   <li>{@code metadata.namespace} becomes {@code default} when it is missing, {@code null} or
     *       empty (Backstage's {@code DefaultNamespaceEntityPolicy}); a {@code metadata} that is not
     *       an object is copied as it is.
     *   <li>{@code spec.providesApis}, {@code spec.consumesApis}, {@code spec.dependsOn} and
     *       {@code spec.dependencyOf} are sorted when they are lists of strings only; lists of other
     *       shapes are copied unsorted for validation to report.
     * </ul>
     *
     * @param entity a JSON-like tree (no cycles), not {@code null}
     * @return a new, mutable tree of {@link LinkedHashMap}s and {@link ArrayList}s
     * @throws NullPointerException when {@code entity} is {@code null}
     */
    public static Map<String, Object> normalize(Map<String, Object> entity) {
        Objects.requireNonNull(entity, "entity");
        Map<String, Object> copy = copyMap(entity);
        if (copy.get("metadata") instanceof Map<?, ?> metadata) {
            Object namespace = metadata.get("namespace");
            if (namespace == null || "".equals(namespace)) {
                asStringMap(metadata).put("namespace", EntityRef.DEFAULT_NAMESPACE);
            }
        }
        if (copy.get("spec") instanceof Map<?, ?> spec) {
            for (String field : SORTED_SPEC_LISTS) {
                if (spec.get(field) instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                    List<String> sorted = new ArrayList<>(list.stream().map(String.class::cast).toList());
                    sorted.sort(null);
                    asStringMap(spec).put(field, new ArrayList<Object>(sorted));
                }
            }
        }
        return copy;
    }

    private static Map<String, Object> copyMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            copy.put(String.valueOf(entry.getKey()), copyValue(entry.getValue()));
        }
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(copyValue(item));
            }
            return copy;
        }
        // Strings, numbers, booleans and null are immutable; anything else is shared as it is.
        return value;
    }

    // Safe: every map in the copy was built by copyMap with String keys.
    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStringMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
