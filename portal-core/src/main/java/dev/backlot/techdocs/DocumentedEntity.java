package dev.backlot.techdocs;

import dev.backlot.model.Entity;
import java.io.Serializable;

/**
 * An entity that has docs ({@code backstage.io/techdocs-ref}), for the docs list.
 *
 * @param entity the entity
 * @param owner its owner as written ({@code spec.owner}), or empty
 * @param status its docs build on this node
 */
public record DocumentedEntity(Entity entity, String owner, BuildStatus status) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The reader URL of its home page. */
    public String url() {
        return "/docs/" + entity.namespace() + "/" + entity.kind().toLowerCase(java.util.Locale.ROOT) + "/"
                + entity.name() + "/";
    }
}
