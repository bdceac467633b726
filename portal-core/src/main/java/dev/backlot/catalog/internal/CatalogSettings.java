package dev.backlot.catalog.internal;

import dev.backlot.catalog.internal.read.ReadPolicy;
import java.util.List;

/**
 * How the catalog engine behaves.
 *
 * @param readPolicy what may be read (file roots, URL hosts, size limits)
 * @param configuredLocations {@code type:target} locations from configuration, registered at start
 * @param refreshIntervalSeconds how often every location is read again (catches remote changes)
 * @param orphanStrategy what becomes of entities their source stops emitting (see {@link Orphans}): they
 *     are marked with the {@code backstage.io/orphan} annotation, then {@code delete} removes them
 *     after the grace period and {@code keep} keeps them
 * @param orphanGraceSeconds how long a marked orphan waits before {@code delete} removes it; 0 removes
 *     it at once, unmarked
 * @param processorTimeoutMs the time limit of one plugin processor call
 * @param maxEntityBytes the largest entity stored, as JSON after processing
 * @param readTimeoutMs the time limit of one read statement; the database cancels a longer one
 */
public record CatalogSettings(ReadPolicy readPolicy, List<String> configuredLocations, long refreshIntervalSeconds,
        String orphanStrategy, long orphanGraceSeconds, long processorTimeoutMs, long maxEntityBytes,
        long readTimeoutMs) {

    /** The default for {@link #readTimeoutMs}: a few seconds, far above any read of a healthy catalog. */
    public static final long DEFAULT_READ_TIMEOUT_MS = 5_000;

    /** The default for {@link #maxEntityBytes}: 4 MiB of JSON, room for a large inline API definition. */
    public static final long DEFAULT_MAX_ENTITY_BYTES = 4L * 1024 * 1024;

    /** Settings with the default entity size limit. */
    public CatalogSettings(ReadPolicy readPolicy, List<String> configuredLocations, long refreshIntervalSeconds,
            String orphanStrategy, long orphanGraceSeconds, long processorTimeoutMs) {
        this(readPolicy, configuredLocations, refreshIntervalSeconds, orphanStrategy, orphanGraceSeconds,
                processorTimeoutMs, DEFAULT_MAX_ENTITY_BYTES, DEFAULT_READ_TIMEOUT_MS);
    }

    public CatalogSettings {
        configuredLocations = List.copyOf(configuredLocations);
        if (!orphanStrategy.equals("delete") && !orphanStrategy.equals("keep")) {
            throw new IllegalArgumentException("The orphan strategy must be delete or keep, was " + orphanStrategy);
        }
        if (orphanGraceSeconds < 0) {
            throw new IllegalArgumentException("The orphan grace period must be 0 or more seconds, was " + orphanGraceSeconds);
        }
        if (readTimeoutMs < 1) {
            throw new IllegalArgumentException("The read timeout must be at least 1 ms, was " + readTimeoutMs);
        }
    }
}
