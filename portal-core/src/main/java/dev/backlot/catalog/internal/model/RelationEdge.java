package dev.backlot.catalog.internal.model;

import java.util.Objects;

import dev.backlot.model.EntityRef;

/**
 * One directed relation between two entities, for example
 * {@code component:default/artist-lookup ownedBy group:default/team-a}. Equality follows
 * {@link EntityRef}, so it ignores case in the references.
 *
 * @param source the entity the relation is stored on
 * @param type a relation type such as {@code ownedBy}; see {@link BuiltinRelations} for the built-in ones
 * @param target the entity it points at, which need not exist
 */
public record RelationEdge(EntityRef source, String type, EntityRef target) {

    public RelationEdge {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
    }

    /** {@code source type target}, with canonical references. */
    @Override
    public String toString() {
        return source + " " + type + " " + target;
    }
}
