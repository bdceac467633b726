package dev.backlot.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The software catalog as the web layer uses it. Entities are returned as JSON-like trees
 * (maps, lists, strings, numbers, booleans) in Backstage's shape, ready to serialise.
 *
 * <p>Reads see everything stored so far; writes to sources (locations, refreshes) are queued and
 * processed in order, typically within a second; {@link #awaitIdle} waits for them.
 */
public interface CatalogService {

    /**
     * The entities matching {@code query}, in its order and window.
     *
     * @throws IllegalArgumentException for a {@code $contains} the catalog cannot match (see {@link EntityPredicate})
     */
    List<Map<String, Object>> entities(EntityQuery query);

    /** How many entities match the query's filter and text term (ignoring its window). */
    long count(EntityQuery query);

    /** The entity {@code kind:namespace/name}, compared case-insensitively. */
    Optional<Map<String, Object>> entity(String kind, String namespace, String name);

    Optional<Map<String, Object>> entityByUid(String uid);

    /**
     * The entity {@code kind:namespace/name} and the chain of entities that emitted it, up to the
     * Location entity of its registered location; see {@link EntityAncestry}.
     *
     * @return empty when there is no such entity
     */
    Optional<EntityAncestry> ancestry(String kind, String namespace, String name);

    /**
     * The entities for these references, in request order; an element is {@code null} where the
     * reference names no entity (or is malformed).
     */
    default List<Map<String, Object>> entitiesByRefs(List<String> refs) {
        return entitiesByRefs(refs, EntityPredicate.ALL);
    }

    /**
     * The entities for these references that match {@code predicate}, in request order; an element
     * is {@code null} where the reference names no entity, is malformed, or its entity does not match.
     *
     * @throws IllegalArgumentException for a {@code $contains} the catalog cannot match (see {@link EntityPredicate})
     */
    List<Map<String, Object>> entitiesByRefs(List<String> refs, EntityPredicate predicate);

    /**
     * Removes an entity; a source that still emits it brings it back at its next read.
     *
     * @return false when there is no such entity
     */
    boolean removeEntity(String uid);

    /** Counts of each value of each facet (a dot path such as {@code spec.type}) among matching entities. */
    Map<String, List<FacetValue>> facets(List<String> facets, EntityFilter filter);

    /**
     * Counts of each value of each facet among the entities matching a predicate.
     *
     * @throws IllegalArgumentException for a {@code $contains} the catalog cannot match (see {@link EntityPredicate})
     */
    Map<String, List<FacetValue>> facets(List<String> facets, EntityPredicate predicate);

    List<CatalogLocation> locations();

    Optional<CatalogLocation> location(String id);

    /** The registered location that brought this entity in, when it came from one. */
    Optional<CatalogLocation> locationOfEntity(String kind, String namespace, String name);

    /**
     * Registers a location and queues its first read, or with {@code dryRun} reads and processes it
     * without storing anything.
     *
     * @throws CatalogException INPUT when the type is unknown or the target cannot be read (the
     *     message says why: outside the allowed roots, host not allowed, not found, ...), CONFLICT
     *     when it is already registered (not for a dry run)
     */
    AddedLocation addLocation(String type, String target, boolean dryRun);

    /**
     * The outcome of {@link #addLocation}.
     *
     * @param location the registered location (for a dry run: what it would be)
     * @param entities for a dry run, the entities it would bring; empty otherwise (they arrive shortly)
     * @param exists for a dry run, whether it is already registered
     */
    record AddedLocation(CatalogLocation location, List<Map<String, Object>> entities, boolean exists) {
    }

    /** Unregisters a location and removes the entities it brought. @throws CatalogException NOT_FOUND */
    void removeLocation(String id);

    /** Queues a new read of the source of the entity {@code ref}. @throws CatalogException NOT_FOUND */
    void refresh(String entityRef);

    /** Every problem Backstage's rules find in the entity; empty when it is valid. */
    List<String> validate(Map<String, Object> entity);

    /** Every rejected document and failed entity, newest runs included. */
    List<ProcessingError> processingErrors();

    /** Waits up to {@code timeout} for every queued source run to finish. */
    void awaitIdle(Duration timeout);
}
