package dev.backlot.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A reference to a catalog entity, {@code kind:namespace/name}, as Backstage defines it.
 *
 * <p>Comparison is case-insensitive: {@link #equals} and {@link #hashCode} use the canonical,
 * lower-case form, while {@link #kind()}, {@link #namespace()} and {@link #name()} keep the case
 * they were written in.
 *
 * @param kind the entity kind, such as {@code Component}
 * @param namespace the namespace, {@code default} unless given
 * @param name the entity name
 */
public record EntityRef(String kind, String namespace, String name) implements java.io.Serializable {

    /** The namespace used when a reference names none and the context supplies none. */
    public static final String DEFAULT_NAMESPACE = "default";

    public EntityRef {
        requirePart(kind, "kind");
        requirePart(namespace, "namespace");
        requirePart(name, "name");
    }

    /**
     * Parses {@code [kind:][namespace/]name}.
     *
     * @param ref the reference text
     * @param defaultKind the kind when the text names none; {@code null} makes a missing kind an error
     * @param defaultNamespace the namespace when the text names none; {@code null} means {@code default}
     * @throws IllegalArgumentException when the text is empty, has an empty part, or lacks a kind
     *     and no default was given; the message says which
     */
    public static EntityRef parse(String ref, String defaultKind, String defaultNamespace) {
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("Entity reference is empty");
        }
        String rest = ref.trim();
        String kind = defaultKind;
        int colon = rest.indexOf(':');
        int slash = rest.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            kind = rest.substring(0, colon);
            rest = rest.substring(colon + 1);
            slash = rest.indexOf('/');
        }
        String namespace = defaultNamespace == null ? DEFAULT_NAMESPACE : defaultNamespace;
        if (slash >= 0) {
            namespace = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
        }
        if (kind == null) {
            throw new IllegalArgumentException("Entity reference '" + ref + "' has no kind and none is implied");
        }
        try {
            return new EntityRef(kind, namespace, rest);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Entity reference '" + ref + "': " + e.getMessage(), e);
        }
    }

    /** The canonical string form, all lower case: {@code component:default/petstore}. */
    public String canonical() {
        return (kind + ':' + namespace + '/' + name).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntityRef that && canonical().equals(that.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return canonical();
    }

    private static void requirePart(String value, String part) {
        Objects.requireNonNull(value, part);
        if (value.isEmpty() || value.indexOf(':') >= 0 || value.indexOf('/') >= 0) {
            throw new IllegalArgumentException("the " + part + " '" + value + "' is empty or contains ':' or '/'");
        }
    }
}
