package dev.backlot.web.view;

import dev.backlot.model.SafeLinks;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog entity (the JSON-like tree {@code CatalogService} returns) with getters for the pages,
 * so that Facelets reads {@code #{e.title}} instead of walking maps.
 */
public final class CatalogEntity implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The annotation naming the location an entity came from. */
    public static final String MANAGED_BY_LOCATION = "backstage.io/managed-by-location";

    private final Map<String, Object> data;

    public CatalogEntity(Map<String, Object> data) {
        this.data = Objects.requireNonNull(data);
    }

    /** The raw tree. */
    public Map<String, Object> getData() {
        return data;
    }

    /** The value at a dot path such as {@code spec.owner}, or null. */
    public Object at(String path) {
        Object node = data;
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    /** The string at a dot path, or null when absent or not a scalar. */
    public String text(String path) {
        Object v = at(path);
        return v == null || v instanceof Map || v instanceof List ? null : String.valueOf(v);
    }

    public String getKind() {
        return text("kind");
    }

    public String getNamespace() {
        String ns = text("metadata.namespace");
        return ns == null ? "default" : ns;
    }

    public String getName() {
        return text("metadata.name");
    }

    public String getTitle() {
        return text("metadata.title");
    }

    /** The title when there is one, else the name. */
    public String getDisplayName() {
        return getTitle() == null || getTitle().isBlank() ? getName() : getTitle();
    }

    public String getDescription() {
        return text("metadata.description");
    }

    public String getType() {
        return text("spec.type");
    }

    public String getLifecycle() {
        return text("spec.lifecycle");
    }

    public String getOwner() {
        return text("spec.owner");
    }

    public String getSystem() {
        return text("spec.system");
    }

    public String getDomain() {
        return text("spec.domain");
    }

    public EntityRef getSystemRef() {
        return EntityRef.parse(getSystem(), "system", getNamespace());
    }

    public EntityRef getDomainRef() {
        return EntityRef.parse(getDomain(), "domain", getNamespace());
    }

    public String getUid() {
        return text("metadata.uid");
    }

    public EntityRef getRef() {
        return new EntityRef(getKind(), getNamespace(), getName());
    }

    /** The page of this entity. */
    public String getPath() {
        return getRef().path();
    }

    /** The owner as a reference: the {@code ownedBy} relation, else {@code spec.owner} read as a group. */
    public EntityRef getOwnerRef() {
        List<EntityRef> owners = related("ownedBy");
        return owners.isEmpty() ? EntityRef.parse(getOwner(), "group", getNamespace()) : owners.get(0);
    }

    public List<String> getTags() {
        return strings(at("metadata.tags"));
    }

    /**
     * {@code metadata.links}, each marked safe or not: only {@code http}, {@code https} and
     * {@code mailto} links (see {@link SafeLinks}) are rendered as links, the others as text.
     */
    public List<Link> getLinks() {
        Object v = at("metadata.links");
        return v instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(m -> (Map<?, ?>) m).filter(m -> m.get("url") != null)
                        .map(m -> new Link(String.valueOf(m.get("url")), m.get("title") == null ? null : String.valueOf(m.get("title"))))
                        .toList()
                : List.of();
    }

    /**
     * One of {@code metadata.links}.
     *
     * @param url as written in the descriptor
     * @param title its title, or {@code null}
     */
    public record Link(String url, String title) implements Serializable {
        /** Whether the page may make it a link. */
        public boolean safe() {
            return SafeLinks.isSafe(url);
        }

        /** What the page shows: the title, or the URL. */
        public String label() {
            return title == null || title.isBlank() ? url : title;
        }
    }

    public String getSourceLocation() {
        Object annotations = at("metadata.annotations");
        return annotations instanceof Map<?, ?> map && map.get(MANAGED_BY_LOCATION) != null
                ? String.valueOf(map.get(MANAGED_BY_LOCATION)) : null;
    }

    /** {@code status.items} messages, as {@code level: message}. */
    public List<String> getStatusMessages() {
        Object items = at("status.items");
        if (!(items instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .map(m -> (m.get("level") == null ? "" : m.get("level") + ": ") + m.get("message")).toList();
    }

    /** Every {@code relations[]} entry as (type, target). */
    public List<Relation> getRelations() {
        Object v = data.get("relations");
        if (!(v instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .filter(m -> m.get("type") != null && m.get("targetRef") != null)
                .map(m -> new Relation(String.valueOf(m.get("type")),
                        EntityRef.parse(String.valueOf(m.get("targetRef")), null, "default")))
                .filter(r -> r.target() != null).toList();
    }

    /** The targets of the relations of one type, e.g. {@code providesApi}. */
    public List<EntityRef> related(String type) {
        return getRelations().stream().filter(r -> r.type().equalsIgnoreCase(type)).map(Relation::target).toList();
    }

    /**
     * One relation of the entity.
     *
     * @param type e.g. {@code ownedBy}
     * @param target the related entity
     */
    public record Relation(String type, EntityRef target) implements Serializable {
    }

    private static List<String> strings(Object v) {
        return v instanceof List<?> list ? list.stream().filter(Objects::nonNull).map(String::valueOf).toList() : List.of();
    }
}
