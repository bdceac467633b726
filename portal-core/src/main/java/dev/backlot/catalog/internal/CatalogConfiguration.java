package dev.backlot.catalog.internal;

import dev.backlot.catalog.internal.read.LocationRef;
import dev.backlot.catalog.internal.read.ReadPolicy;
import dev.backlot.config.PortalConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the portal's configuration into the catalog's settings.
 *
 * <p>File locations named in configuration ({@code PORTAL_CATALOG_LOCATIONS}, and the sample
 * catalog) are trusted: the operator chose them, so their folders join the allowed file roots.
 * Locations registered through the API or the UI must lie inside {@code PORTAL_FILE_ROOTS}. No
 * location, configured or not, may read the portal's own state in the data folder.
 */
public final class CatalogConfiguration {

    private CatalogConfiguration() {
    }

    public static CatalogSettings settings(PortalConfig config) throws IOException {
        PortalConfig.Catalog catalog = config.catalog();
        List<String> locations = new ArrayList<>(catalog.locations());
        if (catalog.sample()) {
            locations.add(SampleCatalog.install(config.dataDir()));
        }
        ReadPolicy policy = readPolicy(config, locations);
        return new CatalogSettings(policy, locations, catalog.refreshSeconds(), catalog.orphanStrategy(),
                catalog.orphanGraceSeconds(), 5_000, catalog.maxEntityBytes(), catalog.readTimeoutMs());
    }

    /**
     * The catalog's read policy, without installing anything: what {@link #settings} gives the
     * catalog, for features that read beside its descriptors ({@link dev.backlot.catalog.LocationReader}).
     */
    public static ReadPolicy readPolicy(PortalConfig config) {
        List<String> locations = new ArrayList<>(config.catalog().locations());
        if (config.catalog().sample()) {
            locations.add(SampleCatalog.location(config.dataDir()));
        }
        return readPolicy(config, locations);
    }

    private static ReadPolicy readPolicy(PortalConfig config, List<String> locations) {
        PortalConfig.Catalog catalog = config.catalog();
        List<Path> roots = new ArrayList<>(catalog.fileRoots());
        for (String location : locations) {
            LocationRef ref = LocationRef.parse(location);
            if ("file".equals(ref.type())) {
                Path target = Path.of(ref.target()).toAbsolutePath().normalize();
                roots.add(Files.isDirectory(target) ? target : target.getParent());
            }
        }
        // The data folder is the portal's state, never a source, whatever the roots say; only its
        // catalog folders (sample catalog, discovery) may be read.
        return new ReadPolicy(roots, catalog.urlAllow(), catalog.maxFileBytes(), 10_000,
                Duration.ofSeconds(15), 10, 100_000, config.dataDir(), config.catalogFolders());
    }
}
