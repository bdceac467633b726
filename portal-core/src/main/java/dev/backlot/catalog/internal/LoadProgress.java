package dev.backlot.catalog.internal;

import dev.backlot.catalog.LocationStatus;
import dev.backlot.catalog.LocationStatus.Phase;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The progress of every location's reads, for {@link dev.backlot.catalog.CatalogService#locationStatus}.
 *
 * <p>Written by the catalog's write lane only (one read at a time), read by any thread: each figure
 * is a volatile field, so a snapshot may mix figures a moment apart, which is fine for a progress
 * display.
 */
final class LoadProgress {

    private final Map<String, Tracker> byLocation = new ConcurrentHashMap<>();

    /** A read of the location was queued. */
    void queued(String locationId) {
        Tracker t = byLocation.computeIfAbsent(locationId, id -> new Tracker());
        if (t.phase == Phase.IDLE) {
            t.startedAt = Instant.now();
            t.phase = Phase.QUEUED;
        }
    }

    /** The read of the location starts; the tracker to report its progress on. */
    Tracker start(String locationId) {
        Tracker t = byLocation.computeIfAbsent(locationId, id -> new Tracker());
        t.startedAt = Instant.now();
        t.filesRead = t.filesUnchanged = t.entitiesRead = t.entitiesProcessed = t.entitiesToStitch = t.entitiesStitched = 0;
        t.phase = Phase.READING;
        return t;
    }

    /** The location is gone: forget it. */
    void forget(String locationId) {
        byLocation.remove(locationId);
    }

    LocationStatus status(String locationId) {
        Tracker t = byLocation.get(locationId);
        return t == null ? LocationStatus.idle() : t.snapshot();
    }

    /** One location's figures. */
    static final class Tracker {
        volatile Phase phase = Phase.IDLE;
        volatile Instant startedAt;
        volatile int filesRead;
        volatile int filesUnchanged;
        volatile int entitiesRead;
        volatile int entitiesProcessed;
        volatile int entitiesToStitch;
        volatile int entitiesStitched;
        volatile LocationStatus.Run lastRun;

        /** A tracker nobody reads: for sources that are no location (providers). */
        static Tracker none() {
            return new Tracker();
        }

        void phase(Phase phase) {
            this.phase = phase;
        }

        /** The read ended; {@code failure} empty when it completed. */
        void finished(int errors, Optional<String> failure) {
            lastRun = new LocationStatus.Run(startedAt, Instant.now(), filesRead, filesUnchanged, entitiesRead,
                    entitiesStitched, errors, failure);
            phase = Phase.IDLE;
        }

        LocationStatus snapshot() {
            Phase now = phase;
            return new LocationStatus(now, now.busy() ? Optional.ofNullable(startedAt) : Optional.empty(), filesRead,
                    filesUnchanged, entitiesRead, entitiesProcessed, entitiesToStitch, entitiesStitched,
                    Optional.ofNullable(lastRun));
        }
    }
}
