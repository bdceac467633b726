package dev.backlot.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog entity: Backstage's envelope of {@code apiVersion}, {@code kind}, {@code metadata},
 * {@code spec}, and the server-computed {@code relations} and {@code status}.
 *
 * <p>{@code metadata}, {@code spec} and {@code status} stay generic maps of JSON-like values
 * (strings, numbers, booleans, lists and maps) because every kind, and every plugin, may add
 * fields; the accessors below read the well-known ones. The maps are copied and unmodifiable: a
 * processor that enriches an entity returns a new one.
 *
 * <p>Entities are {@link Serializable} (views keep them), as long as their maps hold JSON-like values.
 *
 * <pre>{@code
 * entity.ref();                                        // component:default/petstore
 * entity.title();                                      // metadata.title, or empty
 * entity.annotations().get(Annotations.SOURCE_LOCATION);
 * entity.relations(Relations.OWNED_BY);                // the owners, as references
 * }</pre>
 *
 * @param apiVersion for example {@code backstage.io/v1alpha1}
 * @param kind for example {@code Component}
 * @param metadata name, namespace, title, description, labels, annotations, tags, links, uid, etag
 * @param spec the kind-specific part; empty when absent
 * @param relations relations computed by the catalog; empty on input
 * @param status what the catalog found while processing ({@code status.items}); empty on input
 */
public record Entity(String apiVersion, String kind, Map<String, Object> metadata,
        Map<String, Object> spec, List<Relation> relations, Map<String, Object> status) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Entity {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        // Unmodifiable copies that keep the authored order and allow null values (YAML has them).
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata")));
        spec = spec == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(spec));
        relations = relations == null ? List.of() : List.copyOf(relations);
        status = status == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(status));
    }

    /** An entity as a descriptor or a provider writes it: no status. */
    public Entity(String apiVersion, String kind, Map<String, Object> metadata, Map<String, Object> spec,
            List<Relation> relations) {
        this(apiVersion, kind, metadata, spec, relations, null);
    }

    /** {@code metadata.name}, or {@code null} when missing. */
    public String name() {
        return metadata.get("name") instanceof String s ? s : null;
    }

    /** {@code metadata.namespace}, or {@code default} when missing. */
    public String namespace() {
        return metadata.get("namespace") instanceof String s ? s : EntityRef.DEFAULT_NAMESPACE;
    }

    /** {@code metadata.title}, or {@code null}. */
    public String title() {
        return metadata.get("title") instanceof String s && !s.isBlank() ? s : null;
    }

    /** The title when there is one, else the name: what people read. */
    public String displayName() {
        return title() != null ? title() : name();
    }

    /** {@code metadata.description}, or {@code null}. */
    public String description() {
        return metadata.get("description") instanceof String s ? s : null;
    }

    /** {@code metadata.uid}, set by the catalog; {@code null} on input. */
    public String uid() {
        return metadata.get("uid") instanceof String s ? s : null;
    }

    /** {@code metadata.annotations} (string values only); empty when none. */
    public Map<String, String> annotations() {
        return strings(metadata.get("annotations"));
    }

    /** {@code metadata.labels} (string values only); empty when none. */
    public Map<String, String> labels() {
        return strings(metadata.get("labels"));
    }

    /** {@code metadata.tags}; empty when none. */
    public List<String> tags() {
        return metadata.get("tags") instanceof List<?> list
                ? list.stream().filter(Objects::nonNull).map(String::valueOf).toList() : List.of();
    }

    /** {@code metadata.links}, those with a {@code url}; empty when none. */
    public List<Link> links() {
        if (!(metadata.get("links") instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(m -> (Map<?, ?>) m).filter(m -> m.get("url") != null)
                .map(m -> new Link(String.valueOf(m.get("url")), text(m.get("title")), text(m.get("icon")), text(m.get("type"))))
                .toList();
    }

    /** A string field of {@code spec}, such as {@code type}, {@code lifecycle} or {@code owner}; {@code null} when absent. */
    public String specText(String field) {
        Object value = spec.get(field);
        return value == null || value instanceof Map || value instanceof List ? null : String.valueOf(value);
    }

    /** The targets of this entity's relations of one type (compared ignoring case), in order. */
    public List<EntityRef> relations(String type) {
        return relations.stream().filter(r -> r.type().equalsIgnoreCase(type)).map(Relation::targetRef).toList();
    }

    /** {@code status.items}: what processing found, each {@code {type, level, message}}; empty when none. */
    public List<Map<String, Object>> statusItems() {
        if (!(status.get("items") instanceof List<?> items)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> out = items.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
        return out;
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
        return new Entity(apiVersion, kind, copy, spec, relations, status);
    }

    /**
     * The entity as a JSON-like tree in Backstage's shape ({@code apiVersion}, {@code kind},
     * {@code metadata}, {@code spec}, and {@code relations} and {@code status} when it has them),
     * ready for a JSON library; the inverse of {@link #fromTree}.
     */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("apiVersion", apiVersion);
        tree.put("kind", kind);
        tree.put("metadata", new LinkedHashMap<>(metadata));
        tree.put("spec", new LinkedHashMap<>(spec));
        if (!relations.isEmpty()) {
            List<Map<String, Object>> list = new java.util.ArrayList<>();
            for (Relation r : relations) {
                Map<String, Object> relation = new LinkedHashMap<>();
                relation.put("type", r.type());
                relation.put("targetRef", r.targetRef().canonical());
                list.add(relation);
            }
            tree.put("relations", list);
        }
        if (!status.isEmpty()) {
            tree.put("status", new LinkedHashMap<>(status));
        }
        return tree;
    }

    /**
     * An entity from a JSON-like tree in Backstage's shape, as a JSON library reads it. Relations
     * whose {@code targetRef} is not a full reference are left out; missing maps are empty.
     */
    @SuppressWarnings("unchecked")
    public static Entity fromTree(Map<String, Object> tree) {
        List<Relation> relations = new java.util.ArrayList<>();
        if (tree.get("relations") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> r && r.get("type") instanceof String type
                        && r.get("targetRef") instanceof String target) {
                    try {
                        relations.add(new Relation(type, EntityRef.parse(target, null, null)));
                    } catch (IllegalArgumentException notARef) {
                        // not a reference the catalog would have written
                    }
                }
            }
        }
        return new Entity(String.valueOf(tree.get("apiVersion")), String.valueOf(tree.get("kind")),
                tree.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
                tree.get("spec") instanceof Map<?, ?> s ? (Map<String, Object>) s : null, relations,
                tree.get("status") instanceof Map<?, ?> st ? (Map<String, Object>) st : null);
    }

    /** This entity's reference; fails as {@link EntityRef} does when the name is missing or bad. */
    public EntityRef ref() {
        return new EntityRef(kind, namespace(), name());
    }

    private static Map<String, String> strings(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v instanceof String s) {
                out.put(String.valueOf(k), s);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /**
     * A directed relation from the owning entity to a target.
     *
     * @param type a relation type such as {@code ownedBy} (see {@link Relations})
     * @param targetRef the target, which need not exist
     */
    public record Relation(String type, EntityRef targetRef) implements Serializable {
        public Relation {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(targetRef, "targetRef");
        }
    }

    /**
     * One of {@code metadata.links}. Render {@code url} as a link only when
     * {@link SafeLinks#isSafe} says so.
     *
     * @param url as written
     * @param title its title, or {@code null}
     * @param icon its icon name, or {@code null}
     * @param type its type, or {@code null}
     */
    public record Link(String url, String title, String icon, String type) implements Serializable {
        public Link {
            Objects.requireNonNull(url, "url");
        }
    }
}
