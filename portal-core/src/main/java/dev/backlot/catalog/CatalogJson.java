package dev.backlot.catalog;

import dev.backlot.model.EntityRef;
import java.util.List;
import java.util.Optional;

/**
 * The catalog's reads as the stored JSON of each entity, for the HTTP API's fast path: what the
 * catalog stored after stitching is written to the response as it is, never parsed into objects
 * and serialised again. Everything else (pages, engines, plugins) reads typed entities through
 * {@link CatalogService}.
 *
 * <p>Each string is one entity in Backstage's shape ({@code apiVersion}, {@code kind},
 * {@code metadata}, {@code spec}, {@code relations}, {@code status}).
 */
public interface CatalogJson {

    /** See {@link CatalogService#entities}. */
    List<String> entities(EntityQuery query);

    /** See {@link CatalogService#entity}. */
    Optional<String> entity(EntityRef ref);

    /** See {@link CatalogService#entityByUid}. */
    Optional<String> entityByUid(String uid);

    /** See {@link CatalogService#entitiesByRefs}: {@code null} where a reference names no matching entity. */
    List<String> entitiesByRefs(List<String> refs, EntityPredicate predicate);

    /** See {@link CatalogService#ancestry}. */
    Optional<Ancestry> ancestry(EntityRef ref);

    /**
     * {@link EntityAncestry} with each entity as stored JSON.
     *
     * @param rootEntityRef the entity asked about, lower case
     * @param items the entity, then its ancestors
     */
    record Ancestry(String rootEntityRef, List<Item> items) {
        public Ancestry {
            items = List.copyOf(items);
        }

        /** One entity of the chain and the references of the entities that emitted it. */
        public record Item(String entityJson, List<String> parentEntityRefs) {
            public Item {
                parentEntityRefs = List.copyOf(parentEntityRefs);
            }
        }
    }
}
