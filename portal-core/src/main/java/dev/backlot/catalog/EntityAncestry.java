package dev.backlot.catalog;

import java.util.List;
import dev.backlot.model.Entity;

/**
 * How an entity came into the catalog, in the shape of Backstage's
 * {@code GET /entities/by-name/{kind}/{namespace}/{name}/ancestry}: the entity first, then every
 * entity whose processing emitted it, up to the root.
 *
 * <p>For an entity read from a file, its parent is the {@code Location} entity whose target named
 * the file, that Location's parent the Location entity above it, and so on up to the Location entity
 * standing for the registered location ({@code location:default/generated-<sha1 of type:target>},
 * as Backstage names it), whose {@code parentEntityRefs} is empty. An entity pushed by a provider
 * has no parents.
 *
 * <pre>{@code
 * {"rootEntityRef": "component:default/petstore",
 *  "items": [{"entity": {...petstore...}, "parentEntityRefs": ["location:default/examples"]},
 *            {"entity": {...examples...}, "parentEntityRefs": ["location:default/generated-3c1f..."]},
 *            {"entity": {...generated-3c1f...}, "parentEntityRefs": []}]}
 * }</pre>
 *
 * @param rootEntityRef the reference of the entity asked about (Backstage calls it the root of the
 *     answer, not of the chain), lower case
 * @param items the entity, then its ancestors, each listed once
 */
public record EntityAncestry(String rootEntityRef, List<Item> items) {

    public EntityAncestry {
        items = List.copyOf(items);
    }

    /**
     * One entity of the chain.
     *
     * @param entity the stitched entity
     * @param parentEntityRefs the lower-case references of the stored entities that emitted it;
     *     parents no longer in the catalog are left out
     */
    public record Item(Entity entity, List<String> parentEntityRefs) {
        public Item {
            parentEntityRefs = List.copyOf(parentEntityRefs);
        }
    }
}
