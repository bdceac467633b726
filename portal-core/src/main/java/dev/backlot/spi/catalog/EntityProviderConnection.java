package dev.backlot.spi.catalog;

import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import java.util.Collection;
import org.osgi.annotation.versioning.ProviderType;

/** The catalog side of an {@link EntityProvider}: implemented by the portal, thread-safe. */
@ProviderType
public interface EntityProviderConnection {

    /** Replaces everything this provider supplied before with {@code entities}. */
    void replaceAll(Collection<Entity> entities);

    /** Adds or updates {@code added} and removes {@code removed}, leaving the rest in place. */
    void applyDelta(Collection<Entity> added, Collection<EntityRef> removed);
}
