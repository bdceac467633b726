package dev.backlot.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog entity: Backstage's envelope of {@code apiVersion}, {@code kind}, {@code metadata},
 * {@code spec} and server-computed {@code relations}.
 *
 * <p>{@code metadata} and {@code spec} stay generic maps of JSON-like values (strings, numbers,
 * booleans, lists and maps) because every kind, and every plugin, may add fields. The maps are
 * copied and unmodifiable: a processor that enriches an entity returns a new one.
 *
 * @param apiVersion for example {@code backstage.io/v1alpha1}
 * @param kind for example {@code Component}
 * @param metadata name, namespace, title, description, labels, annotations, tags, links, uid, etag
 * @param spec the kind-specific part; empty when absent
 * @param relations relations computed by the catalog; empty on input
 */
public record Entity(String apiVersion, String kind, Map<String, Object> metadata,
        Map<String, Object> spec, List<Relation> relations) {

    public Entity {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        // Unmodifiable copies that keep the authored order and allow null values (YAML has them).
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata")));
        spec = spec == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(spec));
        relations = relations == null ? List.of() : List.copyOf(relations);
    }

    /** {@code metadata.name}, or {@code null} when missing. */
    public String name() {
        return metadata.get("name") instanceof String s ? s : null;
    }

    /** {@code metadata.namespace}, or {@code default} when missing. */
    public String namespace() {
        return metadata.get("namespace") instanceof String s ? s : EntityRef.DEFAULT_NAMESPACE;
    }

    /**
     * A copy of this entity with {@code metadata.annotations[key] = value}, the other annotations
     * kept: what a processor that records something about an entity usually returns.
     */
    @SuppressWarnings("unchecked")
    public Entity withAnnotation(String key, String value) {
        Map<String, Object> copy = new LinkedHashMap<>(metadata);
        Map<String, Object> annotations = metadata.get("annotations") instanceof Map<?, ?> existing
                ? new LinkedHashMap<>((Map<String, Object>) existing) : new LinkedHashMap<>();
        annotations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        copy.put("annotations", annotations);
        return new Entity(apiVersion, kind, copy, spec, relations);
    }

    /** This entity's reference; fails as {@link EntityRef} does when the name is missing or bad. */
    public EntityRef ref() {
        return new EntityRef(kind, namespace(), name());
    }

    /**
     * A directed relation from the owning entity to a target.
     *
     * @param type a relation type such as {@code ownedBy}
     * @param targetRef the target, which need not exist
     */
    public record Relation(String type, EntityRef targetRef) {
        public Relation {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(targetRef, "targetRef");
        }
    }
}
