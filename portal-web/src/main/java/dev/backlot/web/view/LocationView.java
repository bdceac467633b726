package dev.backlot.web.view;

import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.LocationStatus;
import dev.backlot.common.ServiceUnavailableException;
import dev.backlot.model.EntityRef;
import dev.backlot.security.Caller;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code /catalog/location?id=…}: a registered location, what the catalog is doing with it (a load
 * running, with its figures, refreshed every two seconds while it runs) and how its last read went.
 */
@Named
@ViewScoped
public class LocationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CatalogService catalog;

    private String id;
    private CatalogLocation location;
    private LocationStatus status = LocationStatus.idle();
    private String entityPath;

    /** Reads the location once the view parameter is set; the status is read again by {@link #poll}. */
    public void load() {
        try {
            location = id == null ? null : catalog.location(id).orElse(null);
            if (location != null) {
                status = catalog.locationStatus(id);
                entityPath = catalog.entity(EntityRef.parse(location.entityRef(), null, null))
                        .map(e -> new CatalogEntity(e).getPath()).orElse(null);
            } else {
                FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            }
        } catch (ServiceUnavailableException e) {
            location = null; // the layout's banner says why
        }
    }

    /** Reads the status again (the page polls while a read runs). */
    public void poll() {
        if (location != null) {
            status = catalog.locationStatus(id);
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public boolean isFound() {
        return location != null;
    }

    public String getType() {
        return location.type();
    }

    /** The target; server paths and url secrets for admins only. */
    public String getTarget() {
        return admin() ? location.target() : catalog.sourceNames().target(location.type(), location.target());
    }

    /** The path of the location's own Location entity page, or null before it is stored. */
    public String getEntityPath() {
        return entityPath;
    }

    public LocationStatus getStatus() {
        return status;
    }

    public boolean isBusy() {
        return status.phase().busy();
    }

    /** The phase as a person reads it. */
    public String getPhase() {
        return switch (status.phase()) {
            case IDLE -> "Idle";
            case QUEUED -> "Queued behind other catalog work";
            case READING -> "Reading files";
            case PROCESSING -> "Processing entities";
            case STORING -> "Storing changes";
            case STITCHING -> "Building entities (they appear in lists as this goes)";
            case INDEXING -> "Indexing for filters and facets";
        };
    }

    /** How far the read has come, 0 to 100, over its processing and stitching. */
    public int getPercent() {
        int read = Math.max(1, status.entitiesRead());
        int toStitch = status.entitiesToStitch();
        double processed = Math.min(1.0, status.entitiesProcessed() / (double) read);
        double stitched = toStitch == 0 ? 0 : Math.min(1.0, status.entitiesStitched() / (double) toStitch);
        return switch (status.phase()) {
            case IDLE -> 100;
            case QUEUED, READING -> 0;
            case PROCESSING -> (int) (processed * 40);
            case STORING -> 40;
            case STITCHING -> 40 + (int) (stitched * 50);
            case INDEXING -> 90;
        };
    }

    /** How long the running read has taken so far, e.g. {@code 1 min 5 s}. */
    public String getElapsed() {
        return status.startedAt().map(at -> duration(Duration.between(at, Instant.now()))).orElse("");
    }

    /** How long the last read took. */
    public String getLastDuration() {
        return status.lastRun().map(r -> duration(Duration.between(r.startedAt(), r.finishedAt()))).orElse("");
    }

    /** Why the last read failed, as the caller may see it; null when it did not. */
    public String getLastFailure() {
        return status.lastRun().flatMap(LocationStatus.Run::failure)
                .map(f -> admin() ? f : catalog.sourceNames().text(f)).orElse(null);
    }

    static String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%d ms", Math.max(0, d.toMillis()));
        }
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    private static boolean admin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Caller.ADMIN);
    }
}
