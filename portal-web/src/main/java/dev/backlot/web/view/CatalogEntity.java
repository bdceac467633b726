package dev.backlot.web.view;

import dev.backlot.model.Annotations;
import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import dev.backlot.model.Relations;
import dev.backlot.model.SafeLinks;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A catalog entity as the pages show it: the model's {@link Entity} with the getters Facelets
 * reads ({@code #{e.displayName}}) and the links it needs. Reading the entity is the model's job;
 * this only presents it.
 */
public final class CatalogEntity implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Entity entity;

    public CatalogEntity(Entity entity) {
        this.entity = Objects.requireNonNull(entity);
    }

    /** The model entity (for plugins' contexts, the raw view). */
    public Entity entity() {
        return entity;
    }

    public String getKind() {
        return entity.kind();
    }

    public String getNamespace() {
        return entity.namespace();
    }

    public String getName() {
        return entity.name();
    }

    public String getTitle() {
        return entity.title();
    }

    /** What pages call it: a person's or team's profile name, else the title, else the name. */
    public String getDisplayName() {
        String profile = getProfileName();
        return profile != null ? profile : entity.displayName();
    }

    /** {@code spec.profile.displayName} of a User or Group, or {@code null}. */
    public String getProfileName() {
        return profileText("displayName");
    }

    /** {@code spec.profile.email} of a User or Group, or {@code null}. */
    public String getEmail() {
        return profileText("email");
    }

    /** {@code spec.profile.picture} when it is a web address (http or https), else {@code null}. */
    public String getPicture() {
        String picture = profileText("picture");
        return picture != null && (picture.startsWith("https://") || picture.startsWith("http://")) && SafeLinks.isSafe(picture)
                ? picture : null;
    }

    /** The initials of the display name, shown when there is no picture. */
    public String getInitials() {
        StringBuilder out = new StringBuilder();
        for (String word : getDisplayName().split("[\\s._-]+")) {
            if (!word.isEmpty() && out.length() < 2) {
                out.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return out.toString();
    }

    /** A Location's {@code spec.target} and {@code spec.targets}, in that order. */
    public List<String> getTargets() {
        List<String> out = new java.util.ArrayList<>();
        if (entity.spec().get("target") instanceof String t) {
            out.add(t);
        }
        if (entity.spec().get("targets") instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(out::add);
        }
        return out;
    }

    /** Whether it is a User or a Group, which pages show with a profile. */
    public boolean isPerson() {
        return isKind("user") || isKind("group");
    }

    /** Whether it is of this kind (any case). */
    public boolean isKind(String kind) {
        return kind.equalsIgnoreCase(entity.kind());
    }

    private String profileText(String field) {
        if (entity.spec().get("profile") instanceof java.util.Map<?, ?> profile && profile.get(field) instanceof String v
                && !v.isBlank()) {
            return v;
        }
        return null;
    }

    public String getDescription() {
        return entity.description();
    }

    public String getType() {
        return entity.specText("type");
    }

    public String getLifecycle() {
        return entity.specText("lifecycle");
    }

    public String getOwner() {
        return entity.specText("owner");
    }

    public String getSystem() {
        return entity.specText("system");
    }

    public String getDomain() {
        return entity.specText("domain");
    }

    public String getUid() {
        return entity.uid();
    }

    public EntityRef getRef() {
        return entity.ref();
    }

    public EntityLink getLink() {
        return EntityLink.of(entity.ref());
    }

    /** The page of this entity. */
    public String getPath() {
        return getLink().path();
    }

    /** The owner: the {@code ownedBy} relation, else {@code spec.owner} read as a group; {@code null} without one. */
    public EntityLink getOwnerLink() {
        List<EntityRef> owners = entity.relations(Relations.OWNED_BY);
        return owners.isEmpty() ? EntityLink.parse(getOwner(), "group", getNamespace()) : EntityLink.of(owners.get(0));
    }

    public EntityLink getSystemLink() {
        return EntityLink.parse(getSystem(), "system", getNamespace());
    }

    public EntityLink getDomainLink() {
        return EntityLink.parse(getDomain(), "domain", getNamespace());
    }

    public List<String> getTags() {
        return entity.tags();
    }

    /** {@code metadata.links}; only safe ones ({@link SafeLinks}) are rendered as links, the others as text. */
    public List<Link> getLinks() {
        return entity.links().stream().map(l -> new Link(l.url(), l.title())).toList();
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

    /** Where the entity was read from ({@code backstage.io/managed-by-location}), or {@code null}. */
    public String getSourceLocation() {
        return entity.annotations().get(Annotations.MANAGED_BY_LOCATION);
    }

    /** {@code status.items} messages, as {@code level: message}. */
    public List<String> getStatusMessages() {
        return entity.statusItems().stream()
                .map(m -> (m.get("level") == null ? "" : m.get("level") + ": ") + m.get("message")).toList();
    }

    /** Every relation. */
    public List<Entity.Relation> getRelations() {
        return entity.relations();
    }

    /** The targets of the relations of one type, e.g. {@code providesApi}. */
    public List<EntityRef> related(String type) {
        return entity.relations(type);
    }
}
