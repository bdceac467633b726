package dev.backlot.web.catalog;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.catalog.CatalogException;
import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.CatalogService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The catalog's changes that callers make (register, update, remove a location; refresh an entity;
 * remove one entity), each recorded in the audit log with what it changed, whether it came from a
 * page or the API. Reads, dry runs and requests the catalog refuses before changing anything
 * ({@link CatalogException}) are not recorded; an unexpected failure mid-change is.
 *
 * <pre>
 * CatalogService.LocationRemoval gone = locations.remove(caller, id); // audited: "location.remove", its entities
 * </pre>
 */
@ApplicationScoped
public class AuditedLocations {

    public static final String REGISTER = "location.register";
    public static final String UPDATE = "location.update";
    public static final String REMOVE = "location.remove";
    public static final String REFRESH = "location.refresh";
    public static final String REMOVE_ENTITY = "entity.remove";
    /** Entities named in a detail before "and n more". */
    static final int NAMED = 50;

    @Inject
    CatalogService catalog;
    @Inject
    AuditLog audit;

    /** Registers a location (see {@link CatalogService#addLocation}, not a dry run). */
    public CatalogService.AddedLocation register(String actor, String type, String target) {
        return audited(actor, REGISTER, type + ":" + target, () -> catalog.addLocation(type, target, false),
                added -> "id " + added.location().id());
    }

    /** Points a location at a new target (see {@link CatalogService#updateLocation}). */
    public CatalogLocation update(String actor, String id, String type, String target) {
        String before = catalog.location(id).map(l -> l.type() + ":" + l.target()).orElse(id);
        return audited(actor, UPDATE, before, () -> catalog.updateLocation(id, type, target),
                updated -> "now " + updated.type() + ":" + updated.target() + " (id " + id + ")");
    }

    /** Removes a location and its entities, and says which went. */
    public CatalogService.LocationRemoval remove(String actor, String id) {
        CatalogService.LocationRemoval plan;
        plan = catalog.previewRemoval(id); // an unknown id is refused here, before anything changes
        CatalogLocation l = plan.location();
        return audited(actor, REMOVE, l.type() + ":" + l.target(), () -> {
            catalog.removeLocation(id);
            return plan;
        }, removed -> describe(removed.entities()));
    }

    /** Queues a new read of an entity's source (see {@link CatalogService#refresh}). */
    public void refresh(String actor, String entityRef) {
        String target;
        try {
            target = catalog.locationOfEntity(dev.backlot.model.EntityRef.parse(entityRef, null, null))
                    .map(l -> l.type() + ":" + l.target()).orElse(entityRef);
        } catch (IllegalArgumentException notARef) {
            target = entityRef; // refused below, with the catalog's message
        }
        audited(actor, REFRESH, target, () -> {
            catalog.refresh(entityRef);
            return entityRef;
        }, ref -> "asked for by " + ref);
    }

    /** Removes one entity (see {@link CatalogService#removeEntity}). */
    public boolean removeEntity(String actor, String uid, String entityRef) {
        return audited(actor, REMOVE_ENTITY, entityRef == null ? uid : entityRef, () -> catalog.removeEntity(uid),
                removed -> removed ? "uid " + uid : "no such entity");
    }

    /** {@code 3 entities: a, b, c} (at most {@value #NAMED} named). */
    public static String describe(List<String> refs) {
        String named = String.join(", ", refs.subList(0, Math.min(NAMED, refs.size())));
        return refs.size() + (refs.size() == 1 ? " entity" : " entities") + (refs.isEmpty() ? "" : ": " + named)
                + (refs.size() > NAMED ? " and " + (refs.size() - NAMED) + " more" : "");
    }

    private <T> T audited(String actor, String action, String target, Supplier<T> change,
            java.util.function.Function<T, String> detail) {
        T result;
        try {
            result = change.get();
        } catch (CatalogException e) {
            // Refused before anything changed (bad input, unknown id, already registered): nothing to record.
            throw e;
        } catch (RuntimeException e) {
            record(actor, action, target, AuditEntry.FAILURE, e.getMessage());
            throw e;
        }
        record(actor, action, target, AuditEntry.SUCCESS, detail.apply(result));
        return result;
    }

    private void record(String actor, String action, String target, String outcome, String detail) {
        audit.record(new AuditEntry(Instant.now(), actor == null ? "anonymous" : actor, action, target, outcome, detail));
    }
}
