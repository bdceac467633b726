package dev.backlot.catalog;

import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The software catalog as the web layer and the other engines use it: typed
 * {@link dev.backlot.model.Entity entities} with their relations and status. The HTTP API reads
 * the same through {@link #json()}, as stored JSON, without parsing it.
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
    List<Entity> entities(EntityQuery query);

    /** How many entities match the query's filter and text term (ignoring its window). */
    long count(EntityQuery query);

    /** The entity with this reference, compared case-insensitively. */
    Optional<Entity> entity(EntityRef ref);

    /** The entity with this {@code metadata.uid}. */
    Optional<Entity> entityByUid(String uid);

    /**
     * The entity and the chain of entities that emitted it, up to the Location entity of its
     * registered location; see {@link EntityAncestry}.
     *
     * @return empty when there is no such entity
     */
    Optional<EntityAncestry> ancestry(EntityRef ref);

    /**
     * The entities for these references, in request order; an element is {@code null} where the
     * reference names no entity (or is malformed).
     */
    default List<Entity> entitiesByRefs(List<String> refs) {
        return entitiesByRefs(refs, EntityPredicate.ALL);
    }

    /**
     * The entities for these references that match {@code predicate}, in request order; an element
     * is {@code null} where the reference names no entity, is malformed, or its entity does not match.
     *
     * @throws IllegalArgumentException for a {@code $contains} the catalog cannot match (see {@link EntityPredicate})
     */
    List<Entity> entitiesByRefs(List<String> refs, EntityPredicate predicate);

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

    /**
     * One page of the registered locations that match {@code predicate}, ordered by id, as
     * Backstage's {@code POST /locations/by-query} pages them.
     *
     * <p>The predicate speaks the language of {@link EntityPredicate}, over the four fields of a
     * location: {@code id}, {@code type}, {@code target} and {@code entityRef} (see
     * {@link CatalogLocation#entityRef()}), field names in any case. Values compare ignoring case,
     * except in an {@code id} {@code $in}, which is exact; {@code $hasPrefix} ignores case too;
     * {@code $exists: true} holds for every location, since every field has a value; {@code $contains}
     * holds for none, since no field is a list.
     *
     * @param afterId the id of the last location of the previous page; {@code null} for the first page
     * @param limit the most locations on the page, 1 or more
     * @throws IllegalArgumentException for a path other than those four fields, or a limit under 1
     */
    LocationPage locations(EntityPredicate predicate, String afterId, int limit);

    /**
     * A page of {@link #locations(EntityPredicate, String, int)}.
     *
     * @param items the locations of the page, ordered by id
     * @param totalItems how many locations match the predicate, on this page and every other
     * @param more whether locations after the last one of the page match too
     */
    record LocationPage(List<CatalogLocation> items, long totalItems, boolean more) {
        public LocationPage {
            items = List.copyOf(items);
        }
    }

    Optional<CatalogLocation> location(String id);

    /**
     * What the catalog is doing with a registered location: a read queued or running and how far
     * it has come, and how the last one went. {@link LocationStatus#idle()} for an unknown id.
     */
    LocationStatus locationStatus(String id);

    /** The registered location that brought this entity in, when it came from one. */
    Optional<CatalogLocation> locationOfEntity(EntityRef ref);

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
    record AddedLocation(CatalogLocation location, List<Entity> entities, boolean exists, List<Rejected> rejected,
            List<Warning> warnings) {
        public AddedLocation {
            entities = List.copyOf(entities);
            rejected = List.copyOf(rejected);
            warnings = List.copyOf(warnings);
        }

        /** An outcome without rejections or warnings (a registration, which reads in the background). */
        public AddedLocation(CatalogLocation location, List<Entity> entities, boolean exists) {
            this(location, entities, exists, List.of(), List.of());
        }
    }

    /**
     * Something a dry run of {@link #addLocation} read but would not store: a document that is not
     * valid YAML, an entity that breaks the rules, an entity another location already provides.
     *
     * @param entityRef the entity's reference when known, else {@code null}
     * @param location where it was read, {@code type:target}
     * @param reason what is wrong, in words, with the line and column of a YAML error
     * @param conflict true when the entity is valid but already provided by another location
     */
    record Rejected(String entityRef, String location, String reason, boolean conflict) {
    }

    /**
     * Something a dry run would store, but that looks wrong: a reference (owner, system, member, ...)
     * to an entity the catalog does not have, or a link that is not a web link.
     *
     * @param entityRef the entity the warning is about
     * @param message what looks wrong
     */
    record Warning(String entityRef, String message) {
    }

    /**
     * What {@link #removeLocation} would remove now: the location and every entity it brought
     * (directly or through the locations it points to), so that a page can list them before asking.
     *
     * @throws CatalogException NOT_FOUND for an unknown id
     */
    LocationRemoval previewRemoval(String id);

    /**
     * The outcome (or, from {@link #previewRemoval}, the plan) of removing a location.
     *
     * @param location the location
     * @param entities the references of the entities it brought, sorted
     */
    record LocationRemoval(CatalogLocation location, List<String> entities) {
        public LocationRemoval {
            entities = List.copyOf(entities);
        }
    }

    /** Unregisters a location and removes the entities it brought. @throws CatalogException NOT_FOUND */
    void removeLocation(String id);

    /**
     * Points a registered location at a new type and target, keeping its id, and queues a read of
     * it: what the new target emits is stored, and what only the old one emitted becomes an orphan
     * (marked, then deleted or kept as the orphan strategy says), as when a file stops emitting an
     * entity. The {@code Location} entity that stands for it is the one of the new target.
     *
     * <p>The new target passes the checks of {@link #addLocation}, with the same messages.
     *
     * @return the location as it is now
     * @throws CatalogException NOT_FOUND for an unknown id; CONFLICT when another location has that
     *     target, or when the location comes from configuration ({@code PORTAL_CATALOG_LOCATIONS} or
     *     the sample catalog), which would bring the old target back at the next start; INPUT when the
     *     type is unknown or the target cannot be read
     */
    CatalogLocation updateLocation(String id, String type, String target);

    /**
     * Queues a new read of the source of the entity {@code ref}, processing every entity of it again
     * (the periodic and watched reads skip files that did not change).
     *
     * @throws CatalogException NOT_FOUND
     */
    void refresh(String entityRef);

    /**
     * Every problem Backstage's rules find in an entity as a client sent it (a JSON-like tree, which
     * may not even have the envelope's shape); empty when it is valid.
     */
    List<String> validate(Map<String, Object> entity);

    /** Every rejected document and failed entity, newest runs included. */
    List<ProcessingError> processingErrors();

    /** The same as {@link #processingErrors()}, newest first, with the location that reported each and when. */
    List<ProcessingProblem> processingProblems();

    /**
     * How locations, paths and entities look to callers who may not see the server's file system
     * or the secrets URLs carry: everyone but admins.
     */
    SourceNames sourceNames();

    /**
     * Calls {@code listener} after every committed change to entities, from now on.
     *
     * @return closing it stops the calls
     */
    AutoCloseable addListener(CatalogListener listener);

    /** The same reads as stored JSON, for the HTTP API's fast path. */
    CatalogJson json();

    /** Waits up to {@code timeout} for every queued source run to finish. */
    void awaitIdle(Duration timeout);
}
