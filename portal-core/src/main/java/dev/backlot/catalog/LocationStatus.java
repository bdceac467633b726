package dev.backlot.catalog;

import java.time.Instant;
import java.util.Optional;

/**
 * What the catalog is doing with a registered location: whether a read of it is queued or running,
 * how far that read has come, and how the last one ended. Kept in memory: after a restart a location
 * shows no last read until it has been read again.
 *
 * @param phase where the location stands now
 * @param startedAt when the running (or queued) read was asked for; empty when idle
 * @param filesRead files and urls read so far (unchanged ones included)
 * @param filesUnchanged of those, the ones whose content had not changed since the last read, and
 *     whose entities are kept as stored without processing
 * @param entitiesRead entities read from the changed files
 * @param entitiesProcessed of those, how many went through processing so far
 * @param entitiesToStitch how many entities the read must stitch (its changed entities and those
 *     whose relations they touch); known once it is stored
 * @param entitiesStitched of those, how many are stitched so far
 * @param lastRun how the last finished read went; empty before the first one
 */
public record LocationStatus(Phase phase, Optional<Instant> startedAt, int filesRead, int filesUnchanged,
        int entitiesRead, int entitiesProcessed, int entitiesToStitch, int entitiesStitched, Optional<Run> lastRun) {

    /** Where a location stands, in the order a read goes through them. */
    public enum Phase {
        /** Nothing running or queued. */
        IDLE,
        /** A read is queued behind other catalog work. */
        QUEUED,
        /** Reading its files and urls. */
        READING,
        /** Validating and processing the entities read (plugins' processors included). */
        PROCESSING,
        /** Storing the changed entities and their relations. */
        STORING,
        /** Building the final entities: lists and lookups show them as this goes. */
        STITCHING,
        /** Indexing the search rows of a large read; filters and facets find its entities once done. */
        INDEXING;

        /** Whether a read is queued or running. */
        public boolean busy() {
            return this != IDLE;
        }
    }

    /**
     * A finished read.
     *
     * @param startedAt when it started
     * @param finishedAt when it ended
     * @param files files and urls read
     * @param filesUnchanged of those, unchanged since the read before
     * @param entities entities read from changed files
     * @param stitched entities stitched (changed or touched)
     * @param errors problems recorded for the location (see the catalog's processing errors)
     * @param failure why the read failed as a whole, empty when it completed
     */
    public record Run(Instant startedAt, Instant finishedAt, int files, int filesUnchanged, int entities, int stitched,
            int errors, Optional<String> failure) {
    }

    /** A location with nothing running and no read recorded. */
    public static LocationStatus idle() {
        return new LocationStatus(Phase.IDLE, Optional.empty(), 0, 0, 0, 0, 0, 0, Optional.empty());
    }
}
