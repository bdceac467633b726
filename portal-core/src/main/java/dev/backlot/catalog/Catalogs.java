package dev.backlot.catalog;

import dev.backlot.catalog.internal.CatalogConfiguration;
import dev.backlot.catalog.internal.DefaultCatalogService;
import dev.backlot.catalog.internal.read.PolicyLocationReader;
import dev.backlot.config.PortalConfig;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.ExtensionRegistry;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The catalog feature's factory and its running engine: the one place that wires the catalog's
 * internals (locations, processing, stitching, the file watcher, provider connections).
 *
 * <p>Lifecycle: {@link #start} registers the configured locations, queues a read of every location
 * and connects the provider plugins as they appear; {@link #close} stops it all.
 */
public final class Catalogs implements AutoCloseable {

    private final DefaultCatalogService catalog;

    private Catalogs(DefaultCatalogService catalog) {
        this.catalog = catalog;
    }

    /**
     * Starts the catalog.
     *
     * @param extensions the plugin registry (processors and providers)
     * @param scheduler the runtime's scheduler, which the catalog's background work runs on
     * @throws IOException when the sample catalog cannot be installed or the file watcher cannot start
     */
    public static Catalogs start(Database database, ExtensionRegistry extensions, PortalConfig config,
            ScheduledExecutorService scheduler) throws IOException {
        DefaultCatalogService catalog = new DefaultCatalogService(database, extensions,
                CatalogConfiguration.settings(config), scheduler);
        try {
            catalog.start();
        } catch (RuntimeException e) {
            catalog.close();
            throw e;
        }
        return new Catalogs(catalog);
    }

    /**
     * A reader of {@code url} and {@code git} locations with the catalog's allow-list and limits
     * from {@code config} ({@code PORTAL_URL_ALLOW}, {@code PORTAL_CATALOG_MAX_FILE_BYTES}); it reads no
     * files from disk except the portal's own git repositories. Cheap to make, needs no running catalog.
     */
    public static LocationReader locationReader(PortalConfig config) {
        return new PolicyLocationReader(CatalogConfiguration.remotePolicy(config));
    }

    public CatalogService service() {
        return catalog;
    }

    @Override
    public void close() {
        catalog.close();
    }
}
