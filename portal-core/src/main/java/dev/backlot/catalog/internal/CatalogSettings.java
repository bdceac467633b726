package dev.backlot.catalog.internal;

import dev.backlot.catalog.internal.read.ReadPolicy;
import java.util.List;

/**
 * How the catalog engine behaves.
 *
 * @param readPolicy what may be read (file roots, URL hosts, size limits)
 * @param configuredLocations {@code type:target} locations from configuration, registered at start
 * @param refreshIntervalSeconds how often every location is read again (catches remote changes)
 * @param orphanStrategy {@code delete} (default) removes entities their source stops emitting;
 *     {@code keep} keeps them, marked with the {@code backstage.io/orphan} annotation
 * @param processorTimeoutMs the time limit of one plugin processor call
 */
public record CatalogSettings(ReadPolicy readPolicy, List<String> configuredLocations, long refreshIntervalSeconds,
        String orphanStrategy, long processorTimeoutMs) {

    public CatalogSettings {
        configuredLocations = List.copyOf(configuredLocations);
        if (!orphanStrategy.equals("delete") && !orphanStrategy.equals("keep")) {
            throw new IllegalArgumentException("The orphan strategy must be delete or keep, was " + orphanStrategy);
        }
    }
}
